# Textes de l’interface du thème du Forum. Chaque message existe dans les six langues.

## Page
skip-link = Aller au contenu principal
site-nav-label = Navigation principale
language-nav-label = Langues
page-contents = Sur cette page
section-pages = Dans cette rubrique

## Navigation
nav-home = Accueil
nav-about = À propos du Forum
nav-programme = Programme
nav-organizers = Organisateurs et partenaires
nav-participate = Participer
nav-letter = Lettre d’invitation
nav-contact = Contact

## Noms des langues
language-ar = arabe
    .in = en arabe
language-zh = chinois
    .in = en chinois
language-en = anglais
    .in = en anglais
language-fr = français
    .in = en français
language-ru = russe
    .in = en russe
language-es = espagnol
    .in = en espagnol

## Avis sur la langue de la page
fallback-notice = Cette page n’est pas encore disponible { $requested }. Elle est présentée ci-dessous { $original }.
translation-official = Ceci est le texte officiel.
translation-official-original = Ceci est une traduction officielle du texte original { $original }.
translation-unofficial = Ceci est une traduction non officielle. Seul le texte original fait foi.
translation-unofficial-original = Ceci est une traduction non officielle. Seul le texte original { $original } fait foi.
translation-machine = Cette page a été traduite automatiquement. Seul le texte original fait foi.
translation-machine-original = Cette page a été traduite automatiquement. Seul le texte original { $original } fait foi.
translation-read-original = Lire l’original

## Mots-clés
tags-title = Mots-clés
tag-title = Pages portant le mot-clé « { $tag } »
pages-count = { $count ->
    [one] { $count } page
   *[other] { $count } pages
}

## Page d’erreur et choix de la langue
not-found-title = Page introuvable
not-found-text = La page que vous cherchez n’existe pas ou a été déplacée.
not-found-home = Retour à l’accueil
chooser-title = Choisissez votre langue

## Pied de page
footer-organizers = Organisé conjointement par l’UIT, l’UNESCO, la CNUCED et le PNUD, et accueilli par l’UIT.
footer-languages = Ce site est publié dans les six langues officielles de l’Organisation des Nations Unies.
footer-built-with = Réalisé avec hexaglot

## Accueil, programme et organisateurs
home-final-week = Semaine finale
home-pre-events = Manifestations préparatoires
home-co-organizers = Coorganisateurs
home-take-part = Participer au Forum
home-see-programme = Voir le programme
programme-tracks = Volets et formats des sessions
programme-key-dates = Dates clés
organizers-co = Coorganisateurs
organizers-host = Organisation hôte
organizers-partners = Avec la participation des entités des Nations Unies suivantes
person-with-role = { $name }, { $role }

## Périodes : écrites par les formats d’intervalle de CLDR ; ce message n’en fait que la phrase
date-range = { $precision ->
    [day] du { $start } au { $end }
   *[other] { $range }
}
