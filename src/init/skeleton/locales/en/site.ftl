### The site's own UI strings: its menu, its footer and the buttons of its home page
### (content/site.yaml names them). The theme's strings are in themes/agora/locales/:
### to change one, define the same message here.

## Menu
nav-home = Home
nav-about = About
nav-programme = Programme
nav-schedule = Schedule
nav-news = News
nav-contact = Contact

## Home page buttons
home-see-schedule = See the schedule

## Footer
footer-note = Organized by the Example Organization. (An example: change this line in locales/en/site.ftl.)
