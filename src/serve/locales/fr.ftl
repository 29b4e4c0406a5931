# Les mots du panneau d’erreur du serveur d’aperçu (`hexaglot serve`), affichés
# par-dessus la page en cours de rédaction, dans sa langue.
live-error-title = Le site n’a pas pu être reconstruit
live-error-kept = Vous voyez la dernière version construite. Corrigez le fichier et enregistrez-le : la page se rechargera d’elle-même.
live-error-hide = Masquer

# La réponse à une requête adressée à un autre hôte (une page étrangère à l’aperçu
# qui essaie de le lire) ; son adresse suit sur la ligne suivante.
host-refused =
    Ce serveur d’aperçu ne répond qu’aux requêtes envoyées à sa propre adresse :
    { $url }
