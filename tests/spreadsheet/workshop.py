#!/usr/bin/env python3
"""Writes a workshop workbook the way a CX team fills one in, with
openpyxl (not with journeyc): the journey poster with phases as
columns, German row labels in their own order, a title above, gaps, an
unknown row and a notes column.

    workshop.py OUT.xlsx            the good workbook
    workshop.py OUT.xlsx mistakes   the same with three mistakes:
                                    an experience of 9 (E12), a score
                                    written as text that is no number
                                    (C12), and a column of touchpoints
                                    without a phase title (G5)
"""
import sys

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill

out = sys.argv[1]
mistakes = len(sys.argv) > 2 and sys.argv[2] == "mistakes"

wb = Workbook()
ws = wb.active
ws.title = "Workshop"

rows = [
    ["Customer Journey Fahrradabo – Workshop 12.05."],
    ["Phase", "Inspiration", "Informationssuche", "Kauf", "Nutzung", "Notizen"],
    ["Zentrale Frage", "Gibt es etwas Besseres als mein altes Rad?", "Was kostet ein Rad im Abo wirklich?",
     "Kann ich jederzeit kündigen?", None, "Fragen aus den Interviews"],
    ["Aktivitäten der Kunden", "- scrollt abends durch Instagram\n- sieht Räder im Büro",
     "liest Tests\nfragt Freunde", None, "fährt täglich zur Arbeit", None],
    ["Touchpoints online", "Instagram-Post\nYouTube-Video (video)", "Vergleichsportal (review)",
     "Bestellstrecke im Webshop", "App (app)", "Chatbot prüfen?"],
    ["Touchpoints offline", None, "Probefahrt im Laden", None, "Lieferung durch Kurier\nService-Hotline",
     None],
    ["Fotos vom Whiteboard", "siehe Ordner", None, None, None, None],
    ["Kernbotschaft", "Dein Rad, gewartet, vor deiner Tür.", None,
     "24 € im Monat, Reparaturen inklusive.", "Kaputt? Wir tauschen dein Rad in 48 Stunden.", None],
    ["Unternehmensziel", "Mehr Menschen aufs Rad bringen", None, "Abschlüsse ohne Rabatt", None, None],
    ["KPIs", "Reichweite: 20.000 pro Monat", "Probefahrten: 150", "Conversion: 4,5 %",
     "Zufriedenheit: 4,2\nKündigungen: 2 %", "Ziele bis 31.12.2027"],
    ["Verantwortlich", "Marketing", "Marketing, Vertrieb", "E-Commerce", "Service", None],
    ["Erlebnis (1–5)", 4, "3", 3, 4, None],
    ["IT-Systeme", None, "CMS", "Shop\nCRM", "CRM", None],
]
if mistakes:
    rows[11][4] = 9          # E12: outside 1–5
    rows[11][2] = "gut"      # C12: not a number
    for r in rows:
        r += [None] * (7 - len(r))
    rows[4][6] = "Chatbot"   # G5: touchpoints, but G2 has no phase title

for row in rows:
    ws.append(row)

ws.merge_cells("A1:F1")
ws["A1"].font = Font(bold=True, size=14)
head = PatternFill("solid", fgColor="1F4E79")
label = PatternFill("solid", fgColor="D9E1F2")
for cell in ws[2]:
    cell.font = Font(bold=True, color="FFFFFF")
    cell.fill = head
for row in ws.iter_rows(min_row=3):
    row[0].font = Font(bold=True)
    row[0].fill = label
    for cell in row:
        cell.alignment = Alignment(wrap_text=True, vertical="top")
ws.column_dimensions["A"].width = 26
for col in "BCDEFG":
    ws.column_dimensions[col].width = 30
ws.freeze_panes = "B3"
wb.save(out)
