# The labels of journeyc's exports, English.
# Every message here must also be in de.ftl, with the same variables
# (checked by `cargo test -p journey-l10n`).

## Values

kpi-target = { $name }: { $value }
kpi-unit = { $name } (in { $unit })
metric-from-to = { $name }: { $current } → { $target }
metric-target = { $name }: target { $target }
metric-now = { $name }: now { $current }
metric-by = by { $date }
planned = planned
expected = expected { $e }
phase-n = Phase { $n }
continues-with = ↻ continues with { $phase }
loop-back = ↻ back to { $phase }
presence-online = online
presence-offline = offline
phase-kind-awareness = awareness
phase-kind-consideration = consideration
phase-kind-decision = decision
phase-kind-purchase = purchase
phase-kind-onboarding = onboarding
phase-kind-usage = usage
phase-kind-loyalty = loyalty
phase-kind-advocacy = advocacy
phase-kind-offboarding = offboarding
phase-kind-custom = custom
importance-critical = critical
importance-high = high
severity-warning = warning
severity-info = info
severity-error = error

## HTML page

page-title = { $title } – journey map
page-title-many = Customer journey maps
eyebrow = Customer journey map
value-proposition = Value proposition
stat-phases = { $n ->
    [one] phase
   *[other] phases
}
stat-touchpoints-today = { $n ->
    [one] touchpoint today
   *[other] touchpoints today
}
stat-planned = { $n ->
    [one] planned touchpoint
   *[other] planned touchpoints
}
stat-moments = { $n ->
    [one] moment of truth
   *[other] moments of truth
}
stat-pains = { $n ->
    [one] pain point
   *[other] pain points
}
stat-average = average experience
view-label = Journey view
view-current = Status quo
view-target = Target journey
map-heading = Journey map
map-corner = Phase
map-showing-current = Showing the status quo: touchpoints that exist today.
map-showing-target = Showing the target journey: today's touchpoints and the planned ones.
legend-online = Online
legend-offline = Offline
legend-moment = ★ Moment of truth
legend-planned = Planned (target journey)
legend-below = Experience below expectation
legend-above = Experience above expectation
group-customer = The customer
group-touchpoints = Touchpoints by channel
group-business = The business
row-question = Central question
row-activities = Activities
hint-activities = what the customer does
row-goals = Goals
hint-goals = what the customer wants
row-moments = Moments of truth
hint-moments = where it is won or lost
row-experience = Experience
hint-experience = status quo, average
row-message = Core message
row-promises = Promises
row-objective = Business goal
row-kpis = KPIs
row-backstage = Backstage
hint-backstage = organisational activities
row-teams = Teams
row-systems = IT systems
badge-moment = ★ Moment of truth
badge-planned = Planned
tp-owner = Owner
tp-for = for { $names }
tp-copy = Copy
tp-copy-more = { $n ->
    [one] show in full
   *[other] all { $n } lines
}
tp-kpis = KPIs
tp-keeps = Keeps
meter-title = Experience { $x } of 5
meter-title-expected = Experience { $x } of 5, expectation { $e }
verdict-pain = Pain point
verdict-over = Over-delivers
score-experience = Experience { $x }
score-experience-expected = Experience { $x } · expected { $e }
score-expected-planned = Expected { $e } · not live yet
score-expected-unmeasured = Expected { $e } · not measured
curves-heading = Emotion curves
curves-intro = Experience against expectation of the status-quo touchpoints that serve each persona, averaged per phase.
curves-intro-target = Planned touchpoints show as diamonds at their expected score.
legend-experience = Experience
legend-expectation = Expectation
legend-pain-area = Pain point: experience below expectation
legend-over-area = Over-delivery: experience above expectation
legend-dot = ● Touchpoint (red: pain point, green: over-delivery)
legend-planned-diamond = ◇ Planned touchpoint at its expected score
curve-title = Experience against expectation for { $persona }
score-poor = 1 poor
score-excellent = 5 excellent
planned-tip = Planned: { $title } (expected { $e })
dot-tip = { $title }: experience { $x }
dot-tip-expected = { $title }: experience { $x }, expected { $e }
moment-tip = Moment of truth – { $tip }
legend-target = Target experience
target-tip = { $title }: aiming for { $x }
feeling-tip = { $tip } – feels: { $feeling }
curve-table = The curves as a table
curve-col-phase = Phase
curve-col-expectation = Expectation
curve-col-status = Status quo
curve-col-target = Target
curve-col-feelings = Feelings
badge-wow = ★ Wow
legend-wow = ★ Wow moment
wow-tip = Wow moment – { $tip }
tp-cost = Cost
tp-next = Next
next-switch = channel switch: { $from } → { $to }
row-cost = Cost
hint-cost = per phase, by currency
cost-none = no cost given
score-target = → target { $x } / 5
sponsor = Sponsor
pain-line = experience { $x } · expected { $e }
pains-heading = Pain points
pains-none = None: every touchpoint meets the expectation.
over-heading = Over-delivery
over-none = None.
personas-heading = Personas
persona-evidence = Evidence
persona-needs = Needs
persona-pains = Pains
persona-gains = Gains
persona-goals = Goals
persona-says = Says
persona-thinks = Thinks
persona-does = Does
persona-feels = Feels
persona-channels = Channels
persona-touchpoints = Touchpoints
served-by = { $n ->
    [one] Served by 1 touchpoint
   *[other] Served by { $n } touchpoints
}
impact-heading = Impact map
impact-intro = Why each touchpoint exists: goal → actor → impact → deliverable → touchpoint.
legend-goal = Goal
legend-actor = Actor: persona or stakeholder
legend-impact = Impact: behaviour change with its KPI
legend-deliverable = Deliverable
legend-touch = Touchpoint (dashed: planned)
kind-goal = Goal
kind-persona = Persona
kind-stakeholder = Stakeholder
kind-impact = Impact
kind-deliverable = Deliverable
findings-heading = Findings of journeyc check
findings-count = { $n ->
    [one] 1 open finding below error severity.
   *[other] { $n } open findings below error severity.
}
findings-severity = Severity
findings-code = Code
findings-where = Where
findings-finding = Finding
footer = { $n ->
    [one] Generated by journeyc from 1 file. Every figure comes from the .journey sources; nothing on this page loads from the network.
   *[other] Generated by journeyc from { $n } files. Every figure comes from the .journey sources; nothing on this page loads from the network.
}

## Markdown

md-phases = Phases
md-no-phases = No phases.
md-customer-goals = Customer goals
md-touchpoints-online = Touchpoints online
md-touchpoints-offline = Touchpoints offline
md-organisational = Organisational activities
md-copy = Copy
md-experience-expected = { $x } / 5 (expected { $e })
md-legend = ★ moment of truth · *planned*: part of the target journey, not the status quo · Experience: average over the status-quo touchpoints, ▼ below and ▲ above expectation
md-persona = persona
md-stakeholder = stakeholder

## Mermaid

mermaid-part = { $title } – { $part }
mermaid-part-of = { $title } – { $part } ({ $n }/{ $total })

## Poster

poster-page = Page { $n } of { $total }
poster-continued = { $label } (continued)
poster-curves = Emotion curves
poster-legend = Legend
poster-generated = Generated by journeyc from the .journey sources.

## CSV and spreadsheet column headers (in English the header is the
## column's name itself)

col-journey = journey
col-phase_id = phase_id
col-phase_title = phase_title
col-phase_kind = phase_kind
col-touchpoint_id = touchpoint_id
col-touchpoint_title = touchpoint_title
col-channel = channel
col-presence = presence
col-owner = owner
col-systems = systems
col-kpis = kpis
col-serves = serves
col-copy = copy
col-evidence = evidence
col-disclaimers = disclaimers
col-expectation = expectation
col-experience = experience
col-importance = importance
col-monitored = monitored
col-state = state
col-moment = moment
col-collects = collects
col-basis = basis
col-description = description
col-allows = allows
col-target_experience = target_experience
col-wow = wow
col-cost = cost
col-currency = currency
col-next = next
col-persona_scores = persona_scores
