### Les textes d’interface propres au Forum : son menu, son pied de page, les libellés de sa page
### d’accueil, et les formulations qu’il préfère à celles du thème (organizers-partners,
### search-placeholder). Les autres messages viennent de themes/agora/locales/.

## Navigation
nav-home = Accueil
nav-about = À propos du Forum
nav-programme = Programme
nav-organizers = Organisateurs et partenaires
nav-participate = Participer
nav-letter = Lettre d’invitation
nav-contact = Contact

## Pied de page
footer-organizers = Organisé conjointement par l’UIT, l’UNESCO, la CNUCED et le PNUD, et accueilli par l’UIT.
footer-languages = Ce site est publié dans les six langues officielles de l’Organisation des Nations Unies.

## Accueil, programme et organisateurs
home-final-week = Semaine finale
home-pre-events = Manifestations préparatoires
home-take-part = Participer au Forum
home-see-programme = Voir le programme
organizers-partners = Avec la participation des entités des Nations Unies suivantes
nav-news = Actualités

## Recherche. La page de recherche fonctionne dans le navigateur ; $count et $query y sont remplis.
search-placeholder = Par exemple : forum, ODD
