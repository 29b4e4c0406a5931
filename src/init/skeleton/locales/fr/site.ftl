### Les textes d’interface du site : son menu, son pied de page et les boutons de sa page
### d’accueil (content/site.yaml les nomme). Ceux du thème sont dans themes/agora/locales/ :
### pour en changer un, définissez ici le même message.

## Menu
nav-home = Accueil
nav-about = À propos
nav-programme = Programme
nav-schedule = Calendrier
nav-news = Actualités
nav-contact = Contact

## Boutons de la page d’accueil
home-see-schedule = Voir le calendrier

## Pied de page
footer-note = Organisé par l’Organisation d’exemple. (Un exemple : modifiez cette ligne dans locales/fr/site.ftl.)
