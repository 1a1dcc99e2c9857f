<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="nl_NL">
<context>
    <name>check</name>
    <message>
        <source>Building:</source>
        <translation>Gebouw:</translation>
    </message>
    <message>
        <source>Rule set:</source>
        <translation>Regelset:</translation>
    </message>
    <message>
        <source>(building rules only; site rules not assessed)</source>
        <translation>(alleen gebouwregels; locatieregels niet beoordeeld)</translation>
    </message>
    <message>
        <source>threshold %1</source>
        <translation>grens %1</translation>
    </message>
    <message>
        <source>error:</source>
        <translation>fout:</translation>
    </message>
    <message>
        <source>expected %1, observed %2</source>
        <translation>verwacht %1, gemeten %2</translation>
    </message>
    <message>
        <source>warning:</source>
        <translation>waarschuwing:</translation>
    </message>
</context>
<context>
    <name>cli</name>
    <message>
        <source>Exit codes:
  0   success
  1   usage error (unknown command or option)
  2   bad input: the plan or portfolio cannot be used (the message names file, object, problem)
  3   rule set or plugin problem (file not found, invalid, a rule it names is not loaded)
  4   scan finished, but one or more sites could not be assessed (see the report)
 70   internal error
</source>
        <translation>Afsluitcodes:
  0   gelukt
  1   verkeerd gebruik (onbekende opdracht of optie)
  2   onbruikbare invoer: plattegrond of portefeuille niet te gebruiken (de melding noemt bestand, object, probleem)
  3   probleem met regelset of plug-in (bestand niet gevonden, ongeldig, een genoemde regel is niet geladen)
  4   scan klaar, maar een of meer locaties konden niet worden beoordeeld (zie het rapport)
 70   interne fout
</translation>
    </message>
    <message>
        <source>Rule set file or name (default: vg7).</source>
        <translation>Bestand of naam van de regelset (standaard: vg7).</translation>
    </message>
    <message>
        <source>Directory with rule plugins (repeatable).</source>
        <translation>Map met regel-plug-ins (mag vaker).</translation>
    </message>
    <message>
        <source>Output format: text or json.</source>
        <translation>Uitvoerformaat: text of json.</translation>
    </message>
    <message>
        <source>Also write check.html to this folder.</source>
        <translation>Schrijf ook check.html in deze map.</translation>
    </message>
    <message>
        <source>The floor plan file.</source>
        <translation>Het plattegrondbestand.</translation>
    </message>
    <message>
        <source>give exactly one PLAN</source>
        <translation>geef precies één PLAN</translation>
    </message>
    <message>
        <source>cannot create output folder %1</source>
        <translation>kan uitvoermap %1 niet aanmaken</translation>
    </message>
    <message>
        <source>Wrote %1</source>
        <translation>%1 geschreven</translation>
    </message>
    <message>
        <source>Output folder (default: vgscan-out).</source>
        <translation>Uitvoermap (standaard: vgscan-out).</translation>
    </message>
    <message>
        <source>Printed output: table or json.</source>
        <translation>Getoonde uitvoer: table of json.</translation>
    </message>
    <message>
        <source>Sites assessed at once (default: one per core).</source>
        <translation>Locaties tegelijk beoordeeld (standaard: één per kern).</translation>
    </message>
    <message>
        <source>The portfolio file.</source>
        <translation>Het portefeuillebestand.</translation>
    </message>
    <message>
        <source>give exactly one PORTFOLIO</source>
        <translation>geef precies één PORTFOLIO</translation>
    </message>
    <message>
        <source>--threads must be a whole number from 1 to 256</source>
        <translation>--threads moet een geheel getal van 1 tot en met 256 zijn</translation>
    </message>
    <message>
        <source>%1/%2 sites, %3 failed, about %4 s left</source>
        <translation>%1/%2 locaties, %3 mislukt, nog ongeveer %4 s</translation>
    </message>
    <message>
        <source>site &apos;%1&apos; failed: %2</source>
        <translation>locatie &apos;%1&apos; mislukt: %2</translation>
    </message>
    <message>
        <source>Regional choice (k = %1, p-median over %2 demand points, proven optimal): %3; mean weighted distance %4 m. Other choices: vgscan select.</source>
        <translation>Regionale keuze (k = %1, p-mediaan over %2 vraagpunten, bewezen optimaal): %3; gemiddelde gewogen afstand %4 m. Andere keuzes: vgscan select.</translation>
    </message>
    <message>
        <source>Regional choice (k = %1, p-median over %2 demand points, not proven optimal): %3; mean weighted distance %4 m. Other choices: vgscan select.</source>
        <translation>Regionale keuze (k = %1, p-mediaan over %2 vraagpunten, niet bewezen optimaal): %3; gemiddelde gewogen afstand %4 m. Andere keuzes: vgscan select.</translation>
    </message>
    <message>
        <source>Regional choice not made: %1</source>
        <translation>Geen regionale keuze gemaakt: %1</translation>
    </message>
    <message>
        <source>Wrote %1 (+ %2 pages), scan.done</source>
        <translation>%1 (+ %2 pagina&apos;s), scan.done geschreven</translation>
    </message>
    <message>
        <source>Wrote %1, scan.done</source>
        <translation>%1, scan.done geschreven</translation>
    </message>
    <message>
        <source>Usage: vgscan rules [--plugins DIR]
Lists the loaded rule plugins, their parameters, defaults, units and sources.
</source>
        <translation>Gebruik: vgscan rules [--plugins DIR]
Toont de geladen regel-plug-ins, hun parameters, standaardwaarden, eenheden en bronnen.
</translation>
    </message>
    <message>
        <source>no rule plugins found (searched: </source>
        <translation>geen regel-plug-ins gevonden (gezocht in: </translation>
    </message>
    <message>
        <source>internal error: </source>
        <translation>interne fout: </translation>
    </message>
    <message>
        <source>unknown command &apos;%1&apos;</source>
        <translation>onbekende opdracht &apos;%1&apos;</translation>
    </message>
    <message>
        <source> or </source>
        <translation> of </translation>
    </message>
    <message>
        <source>--%1 must be %2 (got &apos;%3&apos;)</source>
        <translation>--%1 moet %2 zijn (niet &apos;%3&apos;)</translation>
    </message>
    <message>
        <source>Language of the report, the messages and the spreadsheet CSV&apos;s headers: nl or en (default: from the locale).</source>
        <translation>Taal van het rapport, de meldingen en de kopjes van de spreadsheet-CSV: nl of en (standaard: uit de landinstelling).</translation>
    </message>
    <message>
        <source>vgscan - scan care real estate: keep, convert to VG7, cluster or dispose

Usage: vgscan &lt;command&gt; [options]

Commands:
  check PLAN      check one floor plan against the building rules (architect&apos;s use)
  scan PORTFOLIO  scan every site of a portfolio and classify it
  rules           list the loaded rule plugins with their parameters
  select          choose k cluster sites (portfolio or cost matrix), proven optimal
  import IN OUT   turn a DXF drawing or IFC model into a plan file (GeoJSON/GeoPackage)
  portfolio build SITES --out PORTFOLIO  a portfolio from a site list and Dutch open data
  plan PORTFOLIO  the regional plan: 2-3 VG7 and 2-3 ambulant locations for the needed places
  diff OLD NEW    what changed between two scans (verdicts, figures, rule outcomes, rule set)

Common options:
  --ruleset FILE  rule set (default: vg7, from rulesets/)
  --plugins DIR   directory with rule plugins (default: $VGSCAN_PLUGIN_PATH, else plugins/ next to vgscan)
  -h, --help      help for vgscan or a command (vgscan check --help)
  --lang nl|en    language of the report, the messages and the spreadsheet CSV&apos;s headers
                  (default: from the locale, LC_ALL / LC_MESSAGES / LANG)
  --version       print the version

</source>
        <translation>vgscan - scant zorgvastgoed: behouden, ombouwen naar VG7, clusteren of afstoten

Gebruik: vgscan &lt;opdracht&gt; [opties]

Opdrachten:
  check PLAN      toetst een plattegrond aan de gebouwregels (voor de architect)
  scan PORTFOLIO  scant elke locatie van een portefeuille en deelt haar in
  rules           toont de geladen regel-plug-ins met hun parameters
  select          kiest k clusterlocaties (portefeuille of kostenmatrix), bewezen optimaal
  import IN OUT   zet een DXF-tekening of IFC-model om in een plattegrondbestand (GeoJSON/GeoPackage)
  portfolio build SITES --out PORTFOLIO  een portefeuille uit een locatielijst en Nederlandse open data
  plan PORTFOLIO  het regionale plan: 2-3 VG7- en 2-3 ambulante locaties voor de benodigde plaatsen
  diff OLD NEW    wat er veranderde tussen twee scans (oordelen, waarden, uitkomsten van regels, regelset)

Algemene opties:
  --ruleset FILE  regelset (standaard: vg7, uit rulesets/)
  --plugins DIR   map met regel-plug-ins (standaard: $VGSCAN_PLUGIN_PATH, anders plugins/ naast vgscan)
  -h, --help      hulp bij vgscan of een opdracht (vgscan check --help)
  --lang nl|en    taal van het rapport, de meldingen en de kopjes van de spreadsheet-CSV
                  (standaard: uit de landinstelling, LC_ALL / LC_MESSAGES / LANG)
  --version       toont de versie

</translation>
    </message>
    <message>
        <source>Usage: vgscan scan PORTFOLIO [--ruleset FILE] [--out DIR] [--threads N] [--allow-outside-plans]
Scans every site of a portfolio (GeoPackage with layers sites, buildings, roads, poi,
demand), runs building rules on each site&apos;s plan and site rules on its plot and
context, and classifies it, then finds clusters of nearby sites (rule set &apos;clusters&apos;).
Prints a table; writes scan.json, sites.csv (sites_nl.csv for Dutch spreadsheets),
sites.gpkg (for QGIS: the sites, the rules&apos; evidence and the clusters&apos; night rounds)
and report.html (the readable report) to the output folder.
</source>
        <translation>Gebruik: vgscan scan PORTFOLIO [--ruleset FILE] [--out DIR] [--threads N] [--allow-outside-plans]
Scant elke locatie van een portefeuille (GeoPackage met de lagen sites, buildings, roads, poi,
demand): gebouwregels op de plattegrond van de locatie, locatieregels op perceel en
omgeving, en deelt haar in; zoekt daarna clusters van nabije locaties (regelset &apos;clusters&apos;).
Toont een tabel; schrijft scan.json, sites.csv (sites_nl.csv voor Nederlandse spreadsheets),
sites.gpkg (voor QGIS: de locaties, het bewijs van de regels en de nachtrondes van de clusters)
en report.html (het leesbare rapport) in de uitvoermap.
</translation>
    </message>
    <message>
        <source>Read site plans outside the portfolio&apos;s folder and GDAL virtual paths (/vsizip/, /vsicurl/); refused by default (docs/limits.md).</source>
        <translation>Lees plattegronden buiten de map van de portefeuille en virtuele GDAL-paden (/vsizip/, /vsicurl/); standaard geweigerd (docs/limits.md).</translation>
    </message>
    <message>
        <source>Usage: vgscan check PLAN [--ruleset FILE] [--format text|json] [--out DIR]
                         [--bcf FILE.bcfzip [--bcf-version 3.0|2.1]]
Checks one floor plan (GeoJSON, GeoPackage, ... in the vgscan plan format, or a DXF
drawing or IFC model) against the building rules of the rule set. Site rules are not
run. With --out, also writes check.html: the plan with each rule&apos;s evidence drawn on it.
With --bcf, also writes the findings of the failing rules as BCF topics (one per finding,
the room or door by its IFC GlobalId, a view from above) for BIMcollab, Solibri or BlenderBIM.
</source>
        <translation>Gebruik: vgscan check PLAN [--ruleset FILE] [--format text|json] [--out DIR]
                           [--bcf FILE.bcfzip [--bcf-version 3.0|2.1]]
Toetst een plattegrond (GeoJSON, GeoPackage, ... in het vgscan-plattegrondformaat, of een
DXF-tekening of IFC-model) aan de gebouwregels van de regelset. Locatieregels worden niet
uitgevoerd. Met --out ook check.html: de plattegrond met het bewijs van elke regel erop.
Met --bcf ook de bevindingen van de afgekeurde regels als BCF-topics (één per bevinding,
de ruimte of deur met haar IFC GlobalId, een bovenaanzicht) voor BIMcollab, Solibri of BlenderBIM.
</translation>
    </message>
    <message>
        <source>Also write the failing findings as a BCF file (.bcfzip).</source>
        <translation>Schrijf de bevindingen van afgekeurde regels ook als BCF-bestand (.bcfzip).</translation>
    </message>
    <message>
        <source>BCF version: 3.0 or 2.1 (default 3.0).</source>
        <translation>BCF-versie: 3.0 of 2.1 (standaard 3.0).</translation>
    </message>
    <message>
        <source>--bcf-version needs --bcf FILE</source>
        <translation>--bcf-version vraagt om --bcf BESTAND</translation>
    </message>
    <message>
        <source>--bcf needs a file name (e.g. findings.bcfzip)</source>
        <translation>--bcf vraagt om een bestandsnaam (bijv. bevindingen.bcfzip)</translation>
    </message>
    <message>
        <source>--bcf %1 is the plan itself; give another file name</source>
        <translation>--bcf %1 is de plattegrond zelf; geef een andere bestandsnaam</translation>
    </message>
    <message>
        <source>1 topic</source>
        <translation>1 topic</translation>
    </message>
    <message>
        <source>%1 topics</source>
        <translation>%1 topics</translation>
    </message>
</context>
<context>
    <name>csv</name>
    <message>
        <source>site_id</source>
        <translation>locatie_id</translation>
    </message>
    <message>
        <source>name</source>
        <translation>naam</translation>
    </message>
    <message>
        <source>profile</source>
        <translation>profiel</translation>
    </message>
    <message>
        <source>places</source>
        <translation>plaatsen</translation>
    </message>
    <message>
        <source>bedrooms</source>
        <translation>slaapkamers</translation>
    </message>
    <message>
        <source>verdict</source>
        <translation>oordeel</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>mislukt</translation>
    </message>
    <message>
        <source>score</source>
        <translation>score</translation>
    </message>
    <message>
        <source>reasons</source>
        <translation>redenen</translation>
    </message>
    <message>
        <source>stable</source>
        <translation>stabiel</translation>
    </message>
    <message>
        <source>share_same</source>
        <translation>aandeel_gelijk</translation>
    </message>
    <message>
        <source>flipping_thresholds</source>
        <translation>omslaande_grenzen</translation>
    </message>
    <message>
        <source>renovation_total</source>
        <translation>verbouwing_totaal</translation>
    </message>
    <message>
        <source>new_build_total</source>
        <translation>nieuwbouw_totaal</translation>
    </message>
    <message>
        <source>friction_missing</source>
        <translation>frictiekosten_ontbrekend</translation>
    </message>
    <message>
        <source>months_to_opening</source>
        <translation>maanden_tot_opening</translation>
    </message>
    <message>
        <source>%1_status</source>
        <translation>%1 status</translation>
    </message>
    <message>
        <source>%1_value</source>
        <translation>%1 waarde</translation>
    </message>
</context>
<context>
    <name>reason</name>
    <message>
        <source>not %1 on its own: clustering is not possible (%2); it would be, in a cluster with nearby VG7 sites</source>
        <translation>niet %1 op zichzelf: clusteren is niet mogelijk (%2); in een cluster met nabije VG7-locaties wel</translation>
    </message>
    <message>
        <source>not %1: clustering is not possible (%2)</source>
        <translation>niet %1: clusteren is niet mogelijk (%2)</translation>
    </message>
    <message>
        <source>not %1: %2</source>
        <translation>niet %1: %2</translation>
    </message>
    <message>
        <source>%1 cannot be decided: %2</source>
        <translation>%1 niet te beslissen: %2</translation>
    </message>
    <message>
        <source>%1: all gates pass</source>
        <translation>%1: alle poorten voldoen</translation>
    </message>
    <message>
        <source>%1: the site is in a cluster of VG7 sites</source>
        <translation>%1: de locatie ligt in een cluster van VG7-locaties</translation>
    </message>
    <message>
        <source>warning: %1</source>
        <translation>let op: %1</translation>
    </message>
    <message>
        <source>renovation must fix: %1</source>
        <translation>verbouwing moet oplossen: %1</translation>
    </message>
    <message>
        <source>renovation should improve: %1</source>
        <translation>verbouwing zou moeten verbeteren: %1</translation>
    </message>
    <message>
        <source>could improve: %1</source>
        <translation>kan beter: %1</translation>
    </message>
    <message>
        <source>not assessed here: %1</source>
        <translation>hier niet beoordeeld: %1</translation>
    </message>
    <message>
        <source>no verdict&apos;s gates all pass</source>
        <translation>bij geen enkel oordeel voldoen alle poorten</translation>
    </message>
    <message>
        <source>for %1: no building gate (it rests on site rules alone)</source>
        <translation>voor %1: geen gebouwpoort (het rust alleen op locatieregels)</translation>
    </message>
    <message>
        <source>for %1, the building fails: %2</source>
        <translation>voor %1 voldoet het gebouw niet: %2</translation>
    </message>
    <message>
        <source>for %1, the building cannot be decided: %2</source>
        <translation>voor %1 is het gebouw niet te beslissen: %2</translation>
    </message>
    <message>
        <source>for %1, the building passes after renovation of: %2</source>
        <translation>voor %1 voldoet het gebouw na verbouwing van: %2</translation>
    </message>
    <message>
        <source>for %1, the building passes its %2 building gate(s)</source>
        <translation>voor %1 voldoet het gebouw aan zijn %2 gebouwpoort(en)</translation>
    </message>
    <message>
        <source>site rules not assessed (%1): a plan alone gives no site verdict; scan the site in a portfolio for one</source>
        <translation>locatieregels niet beoordeeld (%1): een plattegrond alleen geeft geen oordeel over de locatie; scan de locatie daarvoor in een portefeuille</translation>
    </message>
    <message>
        <source>site rules not assessed: a plan alone gives no site verdict; scan the site in a portfolio for one</source>
        <translation>locatieregels niet beoordeeld: een plattegrond alleen geeft geen oordeel over de locatie; scan de locatie daarvoor in een portefeuille</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source> (renovation cannot fix it)</source>
        <translation> (niet met verbouwing op te lossen)</translation>
    </message>
    <message>
        <source>(needs </source>
        <translation>(eis </translation>
    </message>
    <message>
        <source>(warn from </source>
        <translation>(let op vanaf </translation>
    </message>
    <message>
        <source>in no cluster of VG7 sites</source>
        <translation>in geen cluster van VG7-locaties</translation>
    </message>
    <message>
        <source>no score rule has a figure</source>
        <translation>geen scoreregel heeft een waarde</translation>
    </message>
    <message>
        <source> not assessed</source>
        <translation> niet beoordeeld</translation>
    </message>
</context>
<context>
    <name>report</name>
    <message>
        <source>expected %1, observed %2</source>
        <translation>verwacht %1, gemeten %2</translation>
    </message>
    <message>
        <source>plan, storey %1</source>
        <translation>plattegrond, bouwlaag %1</translation>
    </message>
    <message>
        <source>plot</source>
        <translation>perceel</translation>
    </message>
    <message>
        <source>plan</source>
        <translation>plattegrond</translation>
    </message>
    <message>
        <source>evidence:</source>
        <translation>bewijs:</translation>
    </message>
    <message>
        <source>No floor plan: building rules could not look at the building.</source>
        <translation>Geen plattegrond: de gebouwregels konden het gebouw niet bekijken.</translation>
    </message>
    <message>
        <source>Storey %1 — %2 spaces</source>
        <translation>Bouwlaag %1 — %2 ruimten</translation>
    </message>
    <message>
        <source>plot of site %1</source>
        <translation>perceel van locatie %1</translation>
    </message>
    <message>
        <source>Plot and footprints (world coordinates, plan placed faintly)</source>
        <translation>Perceel en footprints (wereldcoördinaten, plattegrond licht ingetekend)</translation>
    </message>
    <message>
        <source>Plot and footprints (world coordinates)</source>
        <translation>Perceel en footprints (wereldcoördinaten)</translation>
    </message>
    <message>
        <source>surroundings of site %1</source>
        <translation>omgeving van locatie %1</translation>
    </message>
    <message>
        <source>Surroundings: the site rules&apos; evidence with roads and points of interest</source>
        <translation>Omgeving: het bewijs van de locatieregels met wegen en voorzieningen</translation>
    </message>
    <message>
        <source>surroundings</source>
        <translation>omgeving</translation>
    </message>
    <message>
        <source>key</source>
        <translation>sleutel</translation>
    </message>
    <message>
        <source>severity</source>
        <translation>gewicht</translation>
    </message>
    <message>
        <source>status</source>
        <translation>status</translation>
    </message>
    <message>
        <source>figure</source>
        <translation>waarde</translation>
    </message>
    <message>
        <source>threshold</source>
        <translation>grens</translation>
    </message>
    <message>
        <source>summary</source>
        <translation>samenvatting</translation>
    </message>
    <message>
        <source>site rule: not run on a plan alone</source>
        <translation>locatieregel: niet uitgevoerd op alleen een plattegrond</translation>
    </message>
    <message>
        <source>error:</source>
        <translation>fout:</translation>
    </message>
    <message>
        <source>expected %1</source>
        <translation>verwacht %1</translation>
    </message>
    <message>
        <source>observed %1</source>
        <translation>gemeten %1</translation>
    </message>
    <message>
        <source>at %1 on the %2</source>
        <translation>op %1 op de %2</translation>
    </message>
    <message>
        <source>at %1</source>
        <translation>op %1</translation>
    </message>
    <message>
        <source>Verdict</source>
        <translation>Oordeel</translation>
    </message>
    <message>
        <source>score %1 % over %2 score rules</source>
        <translation>score %1 % over %2 scoreregels</translation>
    </message>
    <message>
        <source>score —</source>
        <translation>score —</translation>
    </message>
    <message>
        <source>Sensitivity</source>
        <translation>Gevoeligheid</translation>
    </message>
    <message>
        <source>no assumed threshold could be varied from the stored figures</source>
        <translation>geen aangenomen grens kon worden gevarieerd met de bewaarde waarden</translation>
    </message>
    <message>
        <source>stable</source>
        <translation>stabiel</translation>
    </message>
    <message>
        <source>unstable</source>
        <translation>instabiel</translation>
    </message>
    <message>
        <source>%1 % of %2 draws with all %3 assumed thresholds within ±20 % keep the verdict</source>
        <translation>bij %1 % van %2 trekkingen, met alle %3 aangenomen grenzen binnen ±20 %, blijft het oordeel gelijk</translation>
    </message>
    <message>
        <source>total</source>
        <translation>totaal</translation>
    </message>
    <message>
        <source>months to opening</source>
        <translation>maanden tot opening</translation>
    </message>
    <message>
        <source>Money and time</source>
        <translation>Geld en tijd</translation>
    </message>
    <message>
        <source>for %1 places</source>
        <translation>voor %1 plaatsen</translation>
    </message>
    <message>
        <source>renovation</source>
        <translation>verbouwing</translation>
    </message>
    <message>
        <source>new build</source>
        <translation>nieuwbouw</translation>
    </message>
    <message>
        <source>Missing amounts (the sources give none; fill them in the rule set&apos;s friction_costs):</source>
        <translation>Ontbrekende bedragen (de bronnen noemen ze niet; vul ze in bij friction_costs van de regelset):</translation>
    </message>
    <message>
        <source>warning:</source>
        <translation>waarschuwing:</translation>
    </message>
    <message>
        <source>Legend</source>
        <translation>Legenda</translation>
    </message>
    <message>
        <source>Verdicts</source>
        <translation>Oordelen</translation>
    </message>
    <message>
        <source>Rule status</source>
        <translation>Status van een regel</translation>
    </message>
    <message>
        <source>the rule&apos;s requirement is not met</source>
        <translation>niet aan de eis van de regel voldaan</translation>
    </message>
    <message>
        <source>could not be evaluated (missing data or an error)</source>
        <translation>kon niet worden beoordeeld (gegevens ontbreken of een fout)</translation>
    </message>
    <message>
        <source>met, but close to the limit</source>
        <translation>voldaan, maar dicht bij de grens</translation>
    </message>
    <message>
        <source>does not apply here</source>
        <translation>niet van toepassing</translation>
    </message>
    <message>
        <source>met</source>
        <translation>voldaan</translation>
    </message>
    <message>
        <source>Space use</source>
        <translation>Gebruik van ruimten</translation>
    </message>
    <message>
        <source>Plan</source>
        <translation>Plattegrond</translation>
    </message>
    <message>
        <source>door</source>
        <translation>deur</translation>
    </message>
    <message>
        <source>passage (no leaf)</source>
        <translation>doorgang (zonder deurblad)</translation>
    </message>
    <message>
        <source>window</source>
        <translation>raam</translation>
    </message>
    <message>
        <source>staff post</source>
        <translation>teampost</translation>
    </message>
    <message>
        <source>finding no. 3 (links to its row)</source>
        <translation>bevinding nr. 3 (link naar de regel)</translation>
    </message>
    <message>
        <source>evidence area of a rule</source>
        <translation>bewijsvlak van een regel</translation>
    </message>
    <message>
        <source>evidence line of a rule</source>
        <translation>bewijslijn van een regel</translation>
    </message>
    <message>
        <source>Plot and map</source>
        <translation>Perceel en kaart</translation>
    </message>
    <message>
        <source>building footprint</source>
        <translation>footprint van het gebouw</translation>
    </message>
    <message>
        <source>plan placed on the site</source>
        <translation>plattegrond op de locatie geplaatst</translation>
    </message>
    <message>
        <source>road</source>
        <translation>weg</translation>
    </message>
    <message>
        <source>point of interest</source>
        <translation>voorziening</translation>
    </message>
    <message>
        <source>Rule set %1</source>
        <translation>Regelset %1</translation>
    </message>
    <message>
        <source>file %1</source>
        <translation>bestand %1</translation>
    </message>
    <message>
        <source>The rule set file could not be read again: parameter sources are not shown.</source>
        <translation>Het regelsetbestand kon niet opnieuw worden gelezen: de bronnen van de parameters ontbreken.</translation>
    </message>
    <message>
        <source>Sources</source>
        <translation>Bronnen</translation>
    </message>
    <message>
        <source>Entries</source>
        <translation>Regels</translation>
    </message>
    <message>
        <source>rule</source>
        <translation>regel</translation>
    </message>
    <message>
        <source>weight</source>
        <translation>weging</translation>
    </message>
    <message>
        <source>groups</source>
        <translation>groepen</translation>
    </message>
    <message>
        <source>parameters (value — source)</source>
        <translation>parameters (waarde — bron)</translation>
    </message>
    <message>
        <source>(source not available)</source>
        <translation>(bron niet beschikbaar)</translation>
    </message>
    <message>
        <source>the rule&apos;s defaults (vgscan rules lists them)</source>
        <translation>de standaardwaarden van de regel (vgscan rules toont ze)</translation>
    </message>
    <message>
        <source>Classification</source>
        <translation>Indeling</translation>
    </message>
    <message>
        <source>when every gate of %1 passes</source>
        <translation>als elke poort van %1 voldoet</translation>
    </message>
    <message>
        <source>(no group)</source>
        <translation>(geen groep)</translation>
    </message>
    <message>
        <source>otherwise</source>
        <translation>anders</translation>
    </message>
    <message>
        <source>Inputs and provenance</source>
        <translation>Invoer en herkomst</translation>
    </message>
    <message>
        <source>Made by %1 on %2.</source>
        <translation>Gemaakt door %1 op %2.</translation>
    </message>
    <message>
        <source>Check a file against this report with %1.</source>
        <translation>Controleer een bestand tegen dit rapport met %1.</translation>
    </message>
    <message>
        <source>role</source>
        <translation>rol</translation>
    </message>
    <message>
        <source>file</source>
        <translation>bestand</translation>
    </message>
    <message>
        <source>bytes</source>
        <translation>bytes</translation>
    </message>
    <message>
        <source>not readable</source>
        <translation>niet leesbaar</translation>
    </message>
    <message>
        <source>Data sources</source>
        <translation>Gegevensbronnen</translation>
    </message>
    <message>
        <source>layer</source>
        <translation>laag</translation>
    </message>
    <message>
        <source>date</source>
        <translation>datum</translation>
    </message>
    <message>
        <source>licence</source>
        <translation>licentie</translation>
    </message>
    <message>
        <source>credit</source>
        <translation>bronvermelding</translation>
    </message>
    <message>
        <source>Regional choice of cluster sites</source>
        <translation>Regionale keuze van clusterlocaties</translation>
    </message>
    <message>
        <source>Not made: %1.</source>
        <translation>Niet gemaakt: %1.</translation>
    </message>
    <message>
        <source>%1 of %2 candidate sites (convert_vg7 and cluster), nearest to %3 demand points by weighted travel (p-median); costs: %4.</source>
        <translation>%1 van %2 kandidaat-locaties (ombouwen naar VG7 en clusteren), het dichtst bij %3 vraagpunten naar gewogen reisafstand (p-mediaan); kosten: %4.</translation>
    </message>
    <message>
        <source>Proven optimal</source>
        <translation>Bewezen optimaal</translation>
    </message>
    <message>
        <source>Not proven optimal</source>
        <translation>Niet bewezen optimaal</translation>
    </message>
    <message>
        <source>Other k, objectives and constraints: %1.</source>
        <translation>Andere k, doelen en voorwaarden: %1.</translation>
    </message>
    <message>
        <source>Chosen: %1; mean weighted distance %2 km.</source>
        <translation>Gekozen: %1; gemiddelde gewogen afstand %2 km.</translation>
    </message>
    <message>
        <source>runner-up</source>
        <translation>alternatief</translation>
    </message>
    <message>
        <source>sites</source>
        <translation>locaties</translation>
    </message>
    <message>
        <source>objective (weighted m)</source>
        <translation>doelwaarde (gewogen m)</translation>
    </message>
    <message>
        <source>vs. chosen</source>
        <translation>t.o.v. gekozen</translation>
    </message>
    <message>
        <source>Clusters</source>
        <translation>Clusters</translation>
    </message>
    <message>
        <source>Every pair of sites of a cluster within %1 m walking or %2 min driving</source>
        <translation>Elk paar locaties van een cluster binnen %1 m lopen of %2 min rijden</translation>
    </message>
    <message>
        <source>Every pair of sites of a cluster within %1 m walking</source>
        <translation>Elk paar locaties van een cluster binnen %1 m lopen</translation>
    </message>
    <message>
        <source>at most %1 places per cluster and %2 per site; %3 sites took part.</source>
        <translation>hoogstens %1 plaatsen per cluster en %2 per locatie; %3 locaties deden mee.</translation>
    </message>
    <message>
        <source>Some distances are estimates</source>
        <translation>Sommige afstanden zijn schattingen</translation>
    </message>
    <message>
        <source>straight line × %1</source>
        <translation>rechte lijn × %1</translation>
    </message>
    <message>
        <source>No cluster: no two taking part are close enough.</source>
        <translation>Geen cluster: geen twee deelnemende locaties liggen dicht genoeg bij elkaar.</translation>
    </message>
    <message>
        <source>cluster</source>
        <translation>cluster</translation>
    </message>
    <message>
        <source>places</source>
        <translation>plaatsen</translation>
    </message>
    <message>
        <source>night round</source>
        <translation>nachtronde</translation>
    </message>
    <message>
        <source>order</source>
        <translation>volgorde</translation>
    </message>
    <message>
        <source>notes</source>
        <translation>opmerkingen</translation>
    </message>
    <message>
        <source>over %1 min</source>
        <translation>boven %1 min</translation>
    </message>
    <message>
        <source>exact</source>
        <translation>exact</translation>
    </message>
    <message>
        <source>heuristic</source>
        <translation>heuristisch</translation>
    </message>
    <message>
        <source>estimate</source>
        <translation>schatting</translation>
    </message>
    <message>
        <source>In no cluster:</source>
        <translation>In geen cluster:</translation>
    </message>
    <message>
        <source>profile</source>
        <translation>profiel</translation>
    </message>
    <message>
        <source>bedrooms in plan</source>
        <translation>slaapkamers in plattegrond</translation>
    </message>
    <message>
        <source>none</source>
        <translation>geen</translation>
    </message>
    <message>
        <source>back to the table</source>
        <translation>terug naar de tabel</translation>
    </message>
    <message>
        <source>vgscan report: %1</source>
        <translation>vgscan-rapport: %1</translation>
    </message>
    <message>
        <source>vgscan portfolio report</source>
        <translation>vgscan-portefeuillerapport</translation>
    </message>
    <message>
        <source>portfolio</source>
        <translation>portefeuille</translation>
    </message>
    <message>
        <source>rule set</source>
        <translation>regelset</translation>
    </message>
    <message>
        <source>%1 sites</source>
        <translation>%1 locaties</translation>
    </message>
    <message>
        <source>Overview</source>
        <translation>Overzicht</translation>
    </message>
    <message>
        <source>Map</source>
        <translation>Kaart</translation>
    </message>
    <message>
        <source>Sites</source>
        <translation>Locaties</translation>
    </message>
    <message>
        <source>Buildings</source>
        <translation>Gebouwen</translation>
    </message>
    <message>
        <source>Choice</source>
        <translation>Keuze</translation>
    </message>
    <message>
        <source>Rule set</source>
        <translation>Regelset</translation>
    </message>
    <message>
        <source>Inputs</source>
        <translation>Invoer</translation>
    </message>
    <message>
        <source>Portfolio</source>
        <translation>Portefeuille</translation>
    </message>
    <message>
        <source>all sites</source>
        <translation>alle locaties</translation>
    </message>
    <message>
        <source>Context</source>
        <translation>Omgeving</translation>
    </message>
    <message>
        <source>Roads not drawn: %1 road vertices are too many for an overview; each site&apos;s map shows the roads around it.</source>
        <translation>Wegen niet getekend: %1 wegpunten zijn te veel voor een overzicht; de kaart van elke locatie toont de wegen eromheen.</translation>
    </message>
    <message>
        <source>Points of interest not drawn: %1 are too many for an overview; each site&apos;s map shows those around it.</source>
        <translation>Voorzieningen niet getekend: %1 zijn te veel voor een overzicht; de kaart van elke locatie toont die eromheen.</translation>
    </message>
    <message>
        <source>Regional choice</source>
        <translation>Regionale keuze</translation>
    </message>
    <message>
        <source>chosen cluster site</source>
        <translation>gekozen clusterlocatie</translation>
    </message>
    <message>
        <source>North up. Click a site for its section.</source>
        <translation>Noorden boven. Klik op een locatie voor haar onderdeel.</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Zoeken</translation>
    </message>
    <message>
        <source>id, name, profile, reason</source>
        <translation>id, naam, profiel, reden</translation>
    </message>
    <message>
        <source>any</source>
        <translation>alle</translation>
    </message>
    <message>
        <source>Rule</source>
        <translation>Regel</translation>
    </message>
    <message>
        <source>any rule</source>
        <translation>elke regel</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>The table needs JavaScript; every site has its own section below.</source>
        <translation>De tabel heeft JavaScript nodig; elke locatie heeft hieronder een eigen onderdeel.</translation>
    </message>
    <message>
        <source>id</source>
        <translation>id</translation>
    </message>
    <message>
        <source>name</source>
        <translation>naam</translation>
    </message>
    <message>
        <source>verdict</source>
        <translation>oordeel</translation>
    </message>
    <message>
        <source>score</source>
        <translation>score</translation>
    </message>
    <message>
        <source>%1 sites: their plans, maps and rule tables are on %2 pages of up to %3 sites each (the table and the map link to them).</source>
        <translation>%1 locaties: hun plattegronden, kaarten en regeltabellen staan op %2 pagina&apos;s van hoogstens %3 locaties (de tabel en de kaart linken ernaar).</translation>
    </message>
    <message>
        <source>plan of %1</source>
        <translation>plattegrond van %1</translation>
    </message>
    <message>
        <source>%1 of %2 sites shown</source>
        <translation>%1 van %2 locaties getoond</translation>
    </message>
    <message>
        <source>vgscan report: sites %1</source>
        <translation>vgscan-rapport: locaties %1</translation>
    </message>
    <message>
        <source>vgscan portfolio report: sites %1</source>
        <translation>vgscan-portefeuillerapport: locaties %1</translation>
    </message>
    <message>
        <source>page %1 of %2</source>
        <translation>pagina %1 van %2</translation>
    </message>
    <message>
        <source>sites %1–%2 of %3</source>
        <translation>locaties %1–%2 van %3</translation>
    </message>
    <message>
        <source>previous page</source>
        <translation>vorige pagina</translation>
    </message>
    <message>
        <source>next page</source>
        <translation>volgende pagina</translation>
    </message>
    <message>
        <source>vgscan check: %1</source>
        <translation>vgscan-toets: %1</translation>
    </message>
    <message>
        <source>%1 spaces · %2 openings · %3 staff posts · %4 bedrooms</source>
        <translation>%1 ruimten · %2 openingen · %3 teamposten · %4 slaapkamers</translation>
    </message>
    <message>
        <source>storeys %1</source>
        <translation>bouwlagen %1</translation>
    </message>
    <message>
        <source>building rules only: site rules need a portfolio (vgscan scan)</source>
        <translation>alleen gebouwregels: locatieregels vragen een portefeuille (vgscan scan)</translation>
    </message>
    <message>
        <source>Building</source>
        <translation>Gebouw</translation>
    </message>
    <message>
        <source>not read: not a regular local file</source>
        <translation>niet gelezen: geen gewoon lokaal bestand</translation>
    </message>
    <message>
        <source>not a gate of the profile checked</source>
        <translation>geen poort van het getoetste profiel</translation>
    </message>
    <message>
        <source>for %1</source>
        <translation>voor %1</translation>
    </message>
    <message>
        <source>not in this check</source>
        <translation>niet in deze toets</translation>
    </message>
    <message>
        <source>Files</source>
        <translation>Bestanden</translation>
    </message>
    <message>
        <source>open this one in Excel or LibreOffice Calc with Dutch settings (double-click): columns separated by &lt;code&gt;;&lt;/code&gt;, decimal comma (14,018)</source>
        <translation>open dit bestand in Excel of LibreOffice Calc met Nederlandse instellingen (dubbelklik): kolommen gescheiden door &lt;code&gt;;&lt;/code&gt;, decimale komma (14,018)</translation>
    </message>
    <message>
        <source>for scripts and tools (Python, R, QGIS) and spreadsheets with English settings: columns separated by &lt;code&gt;,&lt;/code&gt;, decimal point (14.018); a spreadsheet with Dutch settings misreads its numbers</source>
        <translation>voor scripts en programma&apos;s (Python, R, QGIS) en spreadsheets met Engelse instellingen: kolommen gescheiden door &lt;code&gt;,&lt;/code&gt;, decimale punt (14.018); een spreadsheet met Nederlandse instellingen leest de getallen verkeerd</translation>
    </message>
    <message>
        <source>open in QGIS: the sites, the rules&apos; evidence and the clusters as styled layers</source>
        <translation>openen in QGIS: de locaties, het bewijs van de regels en de clusters als opgemaakte lagen</translation>
    </message>
    <message>
        <source>every rule result, for scripts</source>
        <translation>elke regeluitkomst, voor scripts</translation>
    </message>
    <message>
        <source>zoom in</source>
        <translation>inzoomen</translation>
    </message>
    <message>
        <source>zoom out</source>
        <translation>uitzoomen</translation>
    </message>
    <message>
        <source>whole map</source>
        <translation>hele kaart</translation>
    </message>
    <message>
        <source>Zoom: wheel, + and %1; move: drag or arrow keys.</source>
        <translation>Zoomen: scrollwiel, + en %1; verschuiven: slepen of pijltjestoetsen.</translation>
    </message>
    <message>
        <source>Left out of the scan</source>
        <translation>Niet gescand</translation>
    </message>
    <message>
        <source>%1 rows of the portfolio could not be used and are not counted above:</source>
        <translation>%1 regels van de portefeuille konden niet worden gebruikt en zijn hierboven niet meegeteld:</translation>
    </message>
    <message>
        <source>VG7</source>
        <translation>VG7</translation>
    </message>
    <message>
        <source>ambulant</source>
        <translation>ambulant</translation>
    </message>
    <message>
        <source>map of the candidate and the chosen locations with the demand</source>
        <translation>kaart van de kandidaat-plekken en de gekozen plekken met de vraag</translation>
    </message>
    <message>
        <source>demand point %1, weight %2</source>
        <translation>vraagpunt %1, weging %2</translation>
    </message>
    <message>
        <source>%1 places</source>
        <translation>%1 plaatsen</translation>
    </message>
    <message>
        <source>chosen %1 location</source>
        <translation>gekozen %1-plek</translation>
    </message>
    <message>
        <source>Filled: the chosen locations; rings: the other candidates (large: VG7, small: ambulant); grey dots: demand points, larger with more weight.</source>
        <translation>Gevuld: de gekozen plekken; ringen: de andere kandidaten (groot: VG7, klein: ambulant); grijze stippen: vraagpunten, groter bij meer weging.</translation>
    </message>
    <message>
        <source>Lines join each demand point to its nearest chosen VG7 location.</source>
        <translation>Lijnen verbinden elk vraagpunt met de dichtstbijzijnde gekozen VG7-plek.</translation>
    </message>
    <message>
        <source>Regional plan</source>
        <translation>Regionaal plan</translation>
    </message>
    <message>
        <source>The scan&apos;s report (report.html)</source>
        <translation>Het rapport van de scan (report.html)</translation>
    </message>
    <message>
        <source>What was asked</source>
        <translation>Wat er gevraagd is</translation>
    </message>
    <message>
        <source>%1: %2 places in %3 locations</source>
        <translation>%1: %2 plaatsen op %3 plekken</translation>
    </message>
    <message>
        <source>Minimum separation between locations of a kind:</source>
        <translation>Minimale afstand tussen plekken van één soort:</translation>
    </message>
    <message>
        <source>Demand: %1 points, weight %2</source>
        <translation>Vraag: %1 punten, weging %2</translation>
    </message>
    <message>
        <source>Travel:</source>
        <translation>Reisafstand:</translation>
    </message>
    <message>
        <source>Candidates from:</source>
        <translation>Kandidaten uit:</translation>
    </message>
    <message>
        <source>%1 candidate locations: %2</source>
        <translation>%1-kandidaat-plekken: %2</translation>
    </message>
    <message>
        <source>The plan (proven optimal)</source>
        <translation>Het plan (bewezen optimaal)</translation>
    </message>
    <message>
        <source>Weighted travel %1 (weight x metres): VG7 %2, ambulant %3.</source>
        <translation>Gewogen reisafstand %1 (weging x meters): VG7 %2, ambulant %3.</translation>
    </message>
    <message>
        <source>kind</source>
        <translation>soort</translation>
    </message>
    <message>
        <source>location</source>
        <translation>plek</translation>
    </message>
    <message>
        <source>clients</source>
        <translation>cliënten</translation>
    </message>
    <message>
        <source>mean km</source>
        <translation>gem. km</translation>
    </message>
    <message>
        <source>serves no demand</source>
        <translation>bedient geen vraag</translation>
    </message>
    <message>
        <source>%1: %2 places for a need of %3; mean travel %4 km per client.</source>
        <translation>%1: %2 plaatsen voor een behoefte van %3; gemiddeld %4 km reisafstand per cliënt.</translation>
    </message>
    <message>
        <source>Serves no demand: no demand point has this location as its nearest chosen location of its kind; it is in the plan for its places (or the spread), not for its clients.</source>
        <translation>Bedient geen vraag: voor geen enkel vraagpunt is dit de dichtstbijzijnde gekozen plek van zijn soort; de plek zit in het plan om haar plaatsen (of de spreiding), niet om haar cliënten.</translation>
    </message>
    <message>
        <source>Runners-up (next best plans, proven)</source>
        <translation>Volgende beste plannen (bewezen)</translation>
    </message>
    <message>
        <source>None asked for or none exist.</source>
        <translation>Niet gevraagd of er zijn er geen.</translation>
    </message>
    <message>
        <source>weighted travel</source>
        <translation>gewogen reisafstand</translation>
    </message>
    <message>
        <source>more than the plan</source>
        <translation>meer dan het plan</translation>
    </message>
    <message>
        <source>Constraints (the plan solved again without each)</source>
        <translation>Voorwaarden (het plan opnieuw opgelost zonder elk ervan)</translation>
    </message>
    <message>
        <source>constraint</source>
        <translation>voorwaarde</translation>
    </message>
    <message>
        <source>binds</source>
        <translation>bindt</translation>
    </message>
    <message>
        <source>without it</source>
        <translation>zonder</translation>
    </message>
    <message>
        <source>no plan without it</source>
        <translation>geen plan zonder deze voorwaarde</translation>
    </message>
    <message>
        <source>VG7 %1, ambulant %2: travel %3 less (%4)</source>
        <translation>VG7 %1, ambulant %2: reisafstand %3 minder (%4)</translation>
    </message>
    <message>
        <source>the same optimum</source>
        <translation>hetzelfde optimum</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <source>no</source>
        <translation>nee</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>Methode</translation>
    </message>
    <message>
        <source>Made by vgscan at %1; plan.json and plan.csv hold the same figures.</source>
        <translation>Gemaakt door vgscan op %1; plan.json en plan.csv bevatten dezelfde cijfers.</translation>
    </message>
</context>
<context>
    <name>severity</name>
    <message>
        <source>gate</source>
        <translation>poort</translation>
    </message>
    <message>
        <source>score</source>
        <translation>score</translation>
    </message>
    <message>
        <source>info</source>
        <translation>info</translation>
    </message>
</context>
<context>
    <name>status</name>
    <message>
        <source>pass</source>
        <translation>voldoet</translation>
    </message>
    <message>
        <source>warn</source>
        <translation>let op</translation>
    </message>
    <message>
        <source>fail</source>
        <translation>voldoet niet</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>onbekend</translation>
    </message>
    <message>
        <source>na</source>
        <translation>n.v.t.</translation>
    </message>
    <message>
        <source>not run</source>
        <translation>niet uitgevoerd</translation>
    </message>
</context>
<context>
    <name>table</name>
    <message>
        <source>places</source>
        <translation>plaatsen</translation>
    </message>
    <message>
        <source>FAILED</source>
        <translation>MISLUKT</translation>
    </message>
    <message>
        <source>site</source>
        <translation>locatie</translation>
    </message>
    <message>
        <source>name</source>
        <translation>naam</translation>
    </message>
    <message>
        <source>profile</source>
        <translation>profiel</translation>
    </message>
    <message>
        <source>verdict</source>
        <translation>oordeel</translation>
    </message>
    <message>
        <source>main reasons</source>
        <translation>belangrijkste redenen</translation>
    </message>
    <message>
        <source>* unstable: the verdict changes with an assumed threshold within +-20 %</source>
        <translation>* instabiel: het oordeel verandert met een aangenomen grens binnen +-20 %</translation>
    </message>
    <message>
        <source>%1 % of draws keep it</source>
        <translation>bij %1 % van de trekkingen blijft het gelijk</translation>
    </message>
</context>
<context>
    <name>verdict</name>
    <message>
        <source>fits_vg7</source>
        <translation>geschikt voor VG7</translation>
    </message>
    <message>
        <source>convert_vg7</source>
        <translation>ombouwen naar VG7</translation>
    </message>
    <message>
        <source>cluster</source>
        <translation>clusteren</translation>
    </message>
    <message>
        <source>keep</source>
        <translation>behouden</translation>
    </message>
    <message>
        <source>ambulant</source>
        <translation>ambulant</translation>
    </message>
    <message>
        <source>dispose</source>
        <translation>afstoten</translation>
    </message>
    <message>
        <source>needs_data</source>
        <translation>gegevens nodig</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>niet beoordeeld</translation>
    </message>
    <message>
        <source>building_pass</source>
        <translation>gebouw voldoet</translation>
    </message>
    <message>
        <source>building_fail</source>
        <translation>gebouw voldoet niet</translation>
    </message>
</context>
<context>
    <name>verdict meaning</name>
    <message>
        <source>building and location meet the VG7 gates as they are</source>
        <translation>gebouw en ligging voldoen zoals ze zijn aan de VG7-poorten</translation>
    </message>
    <message>
        <source>fit for VG7 after renovation the building allows; the location passes and clustering is possible</source>
        <translation>geschikt voor VG7 na een verbouwing die het gebouw toelaat; de ligging voldoet en clusteren is mogelijk</translation>
    </message>
    <message>
        <source>the building fails VG7 but the location and plot fit a new-build VG7 cluster</source>
        <translation>het gebouw voldoet niet voor VG7, maar ligging en perceel passen bij een nieuwbouwcluster voor VG7</translation>
    </message>
    <message>
        <source>stays in its current VG3/VG4 use</source>
        <translation>blijft in het huidige VG3/VG4-gebruik</translation>
    </message>
    <message>
        <source>clustered ambulant living, or back-up places (respite, crisis, time-out)</source>
        <translation>geclusterd ambulant wonen, of terugvalplekken (logeren, crisis, time-out)</translation>
    </message>
    <message>
        <source>fits no route: sell, or turn into regular housing (omklappen)</source>
        <translation>past in geen route: verkopen, of omklappen naar reguliere woningen</translation>
    </message>
    <message>
        <source>a deciding gate could not be evaluated</source>
        <translation>een beslissende poort kon niet worden beoordeeld</translation>
    </message>
    <message>
        <source>input problems kept the site from being assessed</source>
        <translation>problemen met de invoer verhinderden de beoordeling van de locatie</translation>
    </message>
    <message>
        <source>the building passes the VG7 building gates</source>
        <translation>het gebouw voldoet aan de VG7-gebouwpoorten</translation>
    </message>
    <message>
        <source>the building fails a VG7 building gate</source>
        <translation>het gebouw voldoet niet aan een VG7-gebouwpoort</translation>
    </message>
</context>
</TS>
