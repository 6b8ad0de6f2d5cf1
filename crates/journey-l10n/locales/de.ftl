# Die Beschriftungen der Exporte von journeyc, Deutsch.
# Jede Nachricht hier muss auch in en.ftl stehen, mit denselben Variablen
# (geprüft von `cargo test -p journey-l10n`).

## Werte

kpi-target = { $name }: { $value }
kpi-unit = { $name } (in { $unit })
metric-from-to = { $name }: { $current } → { $target }
metric-target = { $name }: Ziel { $target }
metric-now = { $name }: derzeit { $current }
metric-by = bis { $date }
planned = geplant
expected = erwartet { $e }
phase-n = Phase { $n }
continues-with = ↻ weiter mit { $phase }
loop-back = ↻ zurück zu { $phase }
presence-online = online
presence-offline = offline
phase-kind-awareness = Aufmerksamkeit
phase-kind-consideration = Informationssuche
phase-kind-decision = Entscheidung
phase-kind-purchase = Kauf
phase-kind-onboarding = Einstieg
phase-kind-usage = Nutzung
phase-kind-loyalty = Bindung
phase-kind-advocacy = Empfehlung
phase-kind-offboarding = Abschied
phase-kind-custom = eigene Phase
importance-critical = kritisch
importance-high = hoch
severity-warning = Warnung
severity-info = Hinweis
severity-error = Fehler

## HTML-Seite

page-title = { $title } – Journey Map
page-title-many = Customer Journey Maps
eyebrow = Customer Journey Map
value-proposition = Wertversprechen
stat-phases = { $n ->
    [one] Phase
   *[other] Phasen
}
stat-touchpoints-today = { $n ->
    [one] Touchpoint heute
   *[other] Touchpoints heute
}
stat-planned = { $n ->
    [one] geplanter Touchpoint
   *[other] geplante Touchpoints
}
stat-moments = { $n ->
    [one] Moment der Wahrheit
   *[other] Momente der Wahrheit
}
stat-pains = { $n ->
    [one] Schmerzpunkt
   *[other] Schmerzpunkte
}
stat-average = Erlebnis im Schnitt
view-label = Ansicht der Journey
view-current = Ist-Zustand
view-target = Ziel-Journey
map-heading = Journey Map
map-corner = Phase
map-showing-current = Ist-Zustand: die Touchpoints, die es heute gibt.
map-showing-target = Ziel-Journey: die heutigen und die geplanten Touchpoints.
legend-online = Online
legend-offline = Offline
legend-moment = ★ Moment der Wahrheit
legend-planned = Geplant (Ziel-Journey)
legend-below = Erlebnis unter der Erwartung
legend-above = Erlebnis über der Erwartung
group-customer = Die Kundschaft
group-touchpoints = Touchpoints nach Kanal
group-business = Das Unternehmen
row-question = Zentrale Frage
row-activities = Aktivitäten
hint-activities = was die Kundschaft tut
row-goals = Ziele
hint-goals = was die Kundschaft will
row-moments = Momente der Wahrheit
hint-moments = wo es sich entscheidet
row-experience = Erlebnis
hint-experience = Ist-Zustand, Durchschnitt
row-message = Kernbotschaft
row-promises = Versprechen
row-objective = Unternehmensziel
row-kpis = KPIs
row-backstage = Hinter den Kulissen
hint-backstage = organisatorische Aktivitäten
row-teams = Teams
row-systems = IT-Systeme
badge-moment = ★ Moment der Wahrheit
badge-planned = Geplant
tp-owner = Verantwortlich
tp-for = für { $names }
tp-copy = Text
tp-copy-more = { $n ->
    [one] ganz lesen
   *[other] alle { $n } Texte
}
tp-kpis = KPIs
tp-keeps = Hält
meter-title = Erlebnis { $x } von 5
meter-title-expected = Erlebnis { $x } von 5, Erwartung { $e }
verdict-pain = Schmerzpunkt
verdict-over = Übertrifft
score-experience = Erlebnis { $x }
score-experience-expected = Erlebnis { $x } · erwartet { $e }
score-expected-planned = Erwartet { $e } · noch nicht live
score-expected-unmeasured = Erwartet { $e } · nicht gemessen
curves-heading = Emotionskurven
curves-intro = Erlebnis gegen Erwartung der heutigen Touchpoints für jede Persona, gemittelt je Phase.
curves-intro-target = Geplante Touchpoints erscheinen als Rauten bei ihrer erwarteten Bewertung.
legend-experience = Erlebnis
legend-expectation = Erwartung
legend-pain-area = Schmerzpunkt: Erlebnis unter der Erwartung
legend-over-area = Übererfüllung: Erlebnis über der Erwartung
legend-dot = ● Touchpoint (rot: Schmerzpunkt, grün: Übererfüllung)
legend-planned-diamond = ◇ Geplanter Touchpoint bei seiner erwarteten Bewertung
curve-title = Erlebnis gegen Erwartung für { $persona }
score-poor = 1 schlecht
score-excellent = 5 hervorragend
planned-tip = Geplant: { $title } (erwartet { $e })
dot-tip = { $title }: Erlebnis { $x }
dot-tip-expected = { $title }: Erlebnis { $x }, erwartet { $e }
moment-tip = Moment der Wahrheit – { $tip }
legend-target = Ziel-Erlebnis
target-tip = { $title }: Ziel { $x }
feeling-tip = { $tip } – Gefühl: { $feeling }
curve-table = Die Kurven als Tabelle
curve-col-phase = Phase
curve-col-expectation = Erwartung
curve-col-status = Status quo
curve-col-target = Ziel
curve-col-feelings = Gefühle
badge-wow = ★ Wow
legend-wow = ★ Wow-Moment
wow-tip = Wow-Moment – { $tip }
tp-cost = Kosten
tp-next = Danach
next-switch = Kanalwechsel: { $from } → { $to }
row-cost = Kosten
hint-cost = je Phase, nach Währung
cost-none = keine Kosten angegeben
score-target = → Ziel { $x } / 5
sponsor = Auftraggeber
pain-line = Erlebnis { $x } · erwartet { $e }
pains-heading = Schmerzpunkte
pains-none = Keine: Jeder Touchpoint erfüllt die Erwartung.
over-heading = Übererfüllung
over-none = Keine.
personas-heading = Personas
persona-evidence = Belege
persona-needs = Bedürfnisse
persona-pains = Probleme
persona-gains = Gewinne
persona-goals = Ziele
persona-says = Sagt
persona-thinks = Denkt
persona-does = Tut
persona-feels = Fühlt
persona-channels = Kanäle
persona-touchpoints = Touchpoints
served-by = { $n ->
    [one] Bedient von 1 Touchpoint
   *[other] Bedient von { $n } Touchpoints
}
impact-heading = Impact Map
impact-intro = Warum es jeden Touchpoint gibt: Ziel → Akteur → Wirkung → Ergebnis → Touchpoint.
legend-goal = Ziel
legend-actor = Akteur: Persona oder Stakeholder
legend-impact = Wirkung: Verhaltensänderung mit ihrem KPI
legend-deliverable = Ergebnis
legend-touch = Touchpoint (gestrichelt: geplant)
kind-goal = Ziel
kind-persona = Persona
kind-stakeholder = Stakeholder
kind-impact = Wirkung
kind-deliverable = Ergebnis
findings-heading = Befunde von journeyc check
findings-count = { $n ->
    [one] 1 offener Befund unterhalb der Fehlerschwere.
   *[other] { $n } offene Befunde unterhalb der Fehlerschwere.
}
findings-severity = Schwere
findings-code = Code
findings-where = Wo
findings-finding = Befund
footer = { $n ->
    [one] Erzeugt von journeyc aus 1 Datei. Jede Zahl stammt aus den .journey-Quellen; diese Seite lädt nichts aus dem Netz.
   *[other] Erzeugt von journeyc aus { $n } Dateien. Jede Zahl stammt aus den .journey-Quellen; diese Seite lädt nichts aus dem Netz.
}

## Markdown

md-phases = Phasen
md-no-phases = Keine Phasen.
md-customer-goals = Ziele der Kundschaft
md-touchpoints-online = Touchpoints online
md-touchpoints-offline = Touchpoints offline
md-organisational = Organisatorische Aktivitäten
md-copy = Text
md-experience-expected = { $x } / 5 (erwartet { $e })
md-legend = ★ Moment der Wahrheit · *geplant*: Teil der Ziel-Journey, nicht des Ist-Zustands · Erlebnis: Durchschnitt der heutigen Touchpoints, ▼ unter und ▲ über der Erwartung
md-persona = Persona
md-stakeholder = Stakeholder

## Mermaid

mermaid-part = { $title } – { $part }
mermaid-part-of = { $title } – { $part } ({ $n }/{ $total })

## Poster

poster-page = Seite { $n } von { $total }
poster-continued = { $label } (Fortsetzung)
poster-curves = Emotionskurven
poster-legend = Legende
poster-generated = Erzeugt von journeyc aus den .journey-Quellen.

## Spaltenköpfe von CSV und Tabellen

col-journey = Journey
col-phase_id = Phasen-ID
col-phase_title = Phasentitel
col-phase_kind = Phasenart
col-touchpoint_id = Touchpoint-ID
col-touchpoint_title = Touchpoint-Titel
col-channel = Kanal
col-presence = Präsenz
col-owner = Verantwortlich
col-systems = Systeme
col-kpis = KPIs
col-serves = Personas
col-copy = Text
col-evidence = Belege
col-disclaimers = Kleingedrucktes
col-expectation = Erwartung
col-experience = Erlebnis
col-importance = Wichtigkeit
col-monitored = Überwacht
col-state = Status
col-moment = Moment der Wahrheit
col-collects = Erhobene Daten
col-basis = Rechtsgrundlage
col-description = Beschreibung
col-allows = Ausnahmen
col-target_experience = Ziel-Erlebnis
col-wow = Wow-Moment
col-cost = Kosten
col-currency = Währung
col-next = Danach
col-persona_scores = Bewertung je Persona
