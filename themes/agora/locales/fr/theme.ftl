### Textes d’interface du thème agora : cadre des pages, avis, listes, accueil et programme.
### Chaque message existe dans les six langues de l’ONU. Un site en change un en définissant le
### même message dans ses propres locales/<lang>/*.ftl, qui l’emportent sur ceux du thème.

## Page
skip-link = Aller au contenu principal
site-nav-label = Navigation principale
language-nav-label = Langues
section-pages = Dans cette rubrique

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
language-ils = signes internationaux
    .in = en signes internationaux
language-de = allemand
    .in = en allemand
language-pt = portugais
    .in = en portugais
language-it = italien
    .in = en italien
language-nl = néerlandais
    .in = en néerlandais
language-pl = polonais
    .in = en polonais
language-uk = ukrainien
    .in = en ukrainien
language-tr = turc
    .in = en turc
language-fa = persan
    .in = en persan
language-he = hébreu
    .in = en hébreu
language-ur = ourdou
    .in = en ourdou
language-hi = hindi
    .in = en hindi
language-bn = bengali
    .in = en bengali
language-sw = swahili
    .in = en swahili
language-ja = japonais
    .in = en japonais
language-ko = coréen
    .in = en coréen
language-id = indonésien
    .in = en indonésien

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
footer-built-with = Réalisé avec hexaglot

## Accueil, programme et organisateurs
home-co-organizers = Coorganisateurs
programme-tracks = Volets et formats des sessions
programme-key-dates = Dates clés
organizers-co = Coorganisateurs
organizers-host = Organisation hôte
organizers-partners = Organisations participantes
person-with-role = { $name }, { $role }

## Périodes : écrites par les formats d’intervalle de CLDR ; ce message n’en fait que la phrase
date-range = { $precision ->
    [day] du { $start } au { $end }
   *[other] { $range }
}

## Comment le titre de la page et celui du site se joignent dans <title> ; $page, $site : les titres.
page-title = { $page } · { $site }
# Le nom d’une organisation et son sigle ; $name, $acronym : l’un et l’autre, déjà balisés.
name-with-acronym = { $name } ({ $acronym })
