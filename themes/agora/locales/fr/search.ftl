# Recherche, fil d’actualités et navigation vers les actualités.

## Fil Atom : titre du fil et du lien qui y mène. $site est le titre du site.
feed-title = { $site } : actualités
feed-subscribe = Fil d’actualités (Atom)

## Recherche. La page de recherche fonctionne dans le navigateur ; $count et $query y sont remplis.
search-title = Recherche
search-label = Rechercher sur ce site
search-placeholder = Par exemple : programme, intervenants
search-submit = Rechercher
search-results = { $count ->
    [one] { $count } page trouvée
   *[other] { $count } pages trouvées
}
search-no-results = Aucune page ne correspond à « { $query } ».
search-noscript = La recherche fonctionne dans votre navigateur et nécessite JavaScript. Toutes les pages figurent aussi dans la navigation ci-dessus.
search-unavailable = L’index de recherche n’a pas pu être chargé. Veuillez réessayer plus tard.

## Le programme dans les résultats de recherche : ce qu’est un résultat, avec sa date et son heure, sa salle, son rôle ou son organisation
search-session = Session · { $when }
search-session-room = Session · { $when } · { $room }
search-person = Personne
search-person-role = Personne · { $role }
search-person-organization = Personne · { $organization }
search-person-role-organization = Personne · { $role }, { $organization }
search-organization = Organisation
