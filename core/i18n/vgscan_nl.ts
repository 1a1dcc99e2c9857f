<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="nl_NL">
<context>
    <name>bcf</name>
    <message>
        <source>the building</source>
        <translation>het gebouw</translation>
    </message>
    <message>
        <source>space %1</source>
        <translation>ruimte %1</translation>
    </message>
    <message>
        <source>%1 %2 between %3 and %4</source>
        <translation>%1 %2 tussen %3 en %4</translation>
    </message>
    <message>
        <source>the rule cannot be judged on this plan</source>
        <translation>de regel is op deze plattegrond niet te beoordelen</translation>
    </message>
    <message>
        <source>the rule fails</source>
        <translation>de regel voldoet niet</translation>
    </message>
    <message>
        <source>Expected: %1. Observed: %2.</source>
        <translation>Verwacht: %1. Gemeten: %2.</translation>
    </message>
    <message>
        <source>Object: %1.</source>
        <translation>Object: %1.</translation>
    </message>
    <message>
        <source>Rule: %1 (%2), %3, %4</source>
        <translation>Regel: %1 (%2), %3, %4</translation>
    </message>
    <message>
        <source>, building figure %1</source>
        <translation>, gebouwwaarde %1</translation>
    </message>
    <message>
        <source>, threshold %1</source>
        <translation>, grens %1</translation>
    </message>
    <message>
        <source>Rule set: %1.</source>
        <translation>Regelset: %1.</translation>
    </message>
    <message>
        <source>Expected: %1.</source>
        <translation>Verwacht: %1.</translation>
    </message>
    <message>
        <source>Observed: %1.</source>
        <translation>Gemeten: %1.</translation>
    </message>
</context>
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
    <message>
        <source>at (%1, %2)</source>
        <translation>bij (%1; %2)</translation>
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
        <source>site &apos;%1&apos;: %2 more errors, all listed in its section of report.html</source>
        <translation>locatie &apos;%1&apos;: nog %2 fouten, alle vermeld in het deel van de locatie in report.html</translation>
    </message>
    <message>
        <source>%1 of %2 sites could not be assessed (%3): its section of report.html says why.</source>
        <translation>%1 van %2 locaties kon niet worden beoordeeld (%3): het deel van de locatie in report.html zegt waarom.</translation>
    </message>
    <message>
        <source>%1 of %2 sites could not be assessed (%3): their sections of report.html say why.</source>
        <translation>%1 van %2 locaties konden niet worden beoordeeld (%3): hun delen in report.html zeggen waarom.</translation>
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
    <message>
        <source>Usage: vgscan scan PORTFOLIO [--ruleset FILE] [--out DIR] [--threads N] [--allow-outside-plans]
                   [--since OLD/scan.json]
Scans every site of a portfolio (GeoPackage with layers sites, buildings, roads, poi,
demand), runs building rules on each site&apos;s plan and site rules on its plot and
context, and classifies it, then finds clusters of nearby sites (rule set &apos;clusters&apos;).
Prints a table; writes scan.json, sites.csv (sites_nl.csv for Dutch spreadsheets),
sites.gpkg (for QGIS: the sites, the rules&apos; evidence and the clusters&apos; night rounds)
and report.html (the readable report) to the output folder. With --since, the report
shows what changed since that earlier scan (as vgscan diff does).
</source>
        <translation>Gebruik: vgscan scan PORTFOLIO [--ruleset FILE] [--out DIR] [--threads N] [--allow-outside-plans]
                   [--since OUD/scan.json]
Scant elke locatie van een portefeuille (GeoPackage met de lagen sites, buildings, roads, poi,
demand): gebouwregels op de plattegrond van de locatie, locatieregels op perceel en
omgeving, en deelt haar in; zoekt daarna clusters van nabije locaties (regelset &apos;clusters&apos;).
Toont een tabel; schrijft scan.json, sites.csv (sites_nl.csv voor Nederlandse spreadsheets),
sites.gpkg (voor QGIS: de locaties, het bewijs van de regels en de nachtrondes van de clusters)
en report.html (het leesbare rapport) in de uitvoermap. Met --since toont het rapport
wat er sinds die eerdere scan veranderd is (zoals vgscan diff).
</translation>
    </message>
    <message>
        <source>An earlier scan.json (or its folder): the report shows what changed since.</source>
        <translation>Een eerdere scan.json (of de map ervan): het rapport toont wat sindsdien veranderd is.</translation>
    </message>
    <message>
        <source>Removed %1: made from the earlier scan in this folder (run vgscan plan again for this scan).</source>
        <translation>%1 verwijderd: gemaakt uit de vorige scan in deze map (draai vgscan plan opnieuw voor deze scan).</translation>
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
    <name>diff</name>
    <message>
        <source>%1: %2 sites, rule set %3 (sha256 %4)</source>
        <translation>%1: %2 locaties, regelset %3 (sha256 %4)</translation>
    </message>
    <message>
        <source>not recorded</source>
        <translation>niet vastgelegd</translation>
    </message>
    <message>
        <source>Scan diff</source>
        <translation>Verschil tussen scans</translation>
    </message>
    <message>
        <source>old:</source>
        <translation>oud:</translation>
    </message>
    <message>
        <source>new:</source>
        <translation>nieuw:</translation>
    </message>
    <message>
        <source>Rule set: changed (name); a scan does not record its hash (made before vgscan recorded it), so edits are not known</source>
        <translation>Regelset: gewijzigd (naam); een scan legt zijn hash niet vast (gemaakt voordat vgscan die vastlegde), dus wijzigingen zijn niet bekend</translation>
    </message>
    <message>
        <source>Rule set: same name; a scan does not record its hash (made before vgscan recorded it), so edits are not known</source>
        <translation>Regelset: zelfde naam; een scan legt zijn hash niet vast (gemaakt voordat vgscan die vastlegde), dus wijzigingen zijn niet bekend</translation>
    </message>
    <message>
        <source>Rule set: unchanged</source>
        <translation>Regelset: ongewijzigd</translation>
    </message>
    <message>
        <source>Sites changed (%1; %2 unchanged):</source>
        <translation>Locaties gewijzigd (%1; %2 ongewijzigd):</translation>
    </message>
    <message>
        <source>verdict %1 -&gt; %2</source>
        <translation>oordeel %1 -&gt; %2</translation>
    </message>
    <message>
        <source>verdict %1 (held)</source>
        <translation>oordeel %1 (gebleven)</translation>
    </message>
    <message>
        <source>value %1</source>
        <translation>waarde %1</translation>
    </message>
    <message>
        <source>now: %1</source>
        <translation>nu: %1</translation>
    </message>
    <message>
        <source>%1: %2 sites, rule set not recorded</source>
        <translation>%1: %2 locaties, regelset niet vastgelegd</translation>
    </message>
    <message>
        <source>The old scan does not record %1 (made by an earlier vgscan): not compared.</source>
        <translation>De oude scan legt %1 niet vast (gemaakt door een eerdere vgscan): niet vergeleken.</translation>
    </message>
    <message>
        <source>The new scan does not record %1 (made by an earlier vgscan): not compared.</source>
        <translation>De nieuwe scan legt %1 niet vast (gemaakt door een eerdere vgscan): niet vergeleken.</translation>
    </message>
    <message>
        <source>absent</source>
        <translation>ontbreekt</translation>
    </message>
    <message>
        <source>none</source>
        <translation>geen</translation>
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
        <source>rule set</source>
        <translation>regelset</translation>
    </message>
    <message>
        <source>regional choice</source>
        <translation>regionale keuze</translation>
    </message>
    <message>
        <source>clusters</source>
        <translation>clusters</translation>
    </message>
    <message>
        <source>stable</source>
        <translation>stabiel</translation>
    </message>
    <message>
        <source>friction cost</source>
        <translation>frictiekosten</translation>
    </message>
    <message>
        <source>rule version</source>
        <translation>regelversie</translation>
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
        <source>plan</source>
        <translation>plattegrond</translation>
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
        <source>places</source>
        <translation>plaatsen</translation>
    </message>
    <message>
        <source>bedrooms</source>
        <translation>slaapkamers</translation>
    </message>
    <message>
        <source>cluster</source>
        <translation>cluster</translation>
    </message>
    <message>
        <source>status</source>
        <translation>status</translation>
    </message>
    <message>
        <source>value</source>
        <translation>waarde</translation>
    </message>
    <message>
        <source>unit</source>
        <translation>eenheid</translation>
    </message>
    <message>
        <source>version</source>
        <translation>versie</translation>
    </message>
    <message>
        <source>error</source>
        <translation>fout</translation>
    </message>
    <message>
        <source>in scope</source>
        <translation>van toepassing</translation>
    </message>
    <message>
        <source>threshold</source>
        <translation>drempel</translation>
    </message>
    <message>
        <source>rule</source>
        <translation>regel</translation>
    </message>
    <message>
        <source>severity</source>
        <translation>gewicht</translation>
    </message>
    <message>
        <source>figure %1</source>
        <translation>kengetal %1</translation>
    </message>
</context>
<context>
    <name>import</name>
    <message>
        <source>doors that connect nothing</source>
        <translation>deuren die niets verbinden</translation>
    </message>
    <message>
        <source>doors to outside</source>
        <translation>deuren naar buiten</translation>
    </message>
    <message>
        <source>open polylines skipped</source>
        <translation>open polylijnen overgeslagen</translation>
    </message>
    <message>
        <source>other block inserts ignored</source>
        <translation>andere blokinvoegingen genegeerd</translation>
    </message>
    <message>
        <source>outlines skipped</source>
        <translation>omtrekken overgeslagen</translation>
    </message>
    <message>
        <source>paper space entities ignored</source>
        <translation>objecten in de papierruimte genegeerd</translation>
    </message>
    <message>
        <source>polygons outside the outline skipped</source>
        <translation>veelhoeken buiten de omtrek overgeslagen</translation>
    </message>
    <message>
        <source>rooms without use</source>
        <translation>ruimten zonder gebruik</translation>
    </message>
    <message>
        <source>staff posts</source>
        <translation>teamposten</translation>
    </message>
    <message>
        <source>staff posts skipped</source>
        <translation>teamposten overgeslagen</translation>
    </message>
    <message>
        <source>doors matched by geometry</source>
        <translation>deuren gekoppeld via de geometrie</translation>
    </message>
    <message>
        <source>doors matched by space boundaries</source>
        <translation>deuren gekoppeld via ruimtegrenzen</translation>
    </message>
    <message>
        <source>storeys</source>
        <translation>bouwlagen</translation>
    </message>
    <message>
        <source>doors without geometry</source>
        <translation>deuren zonder geometrie</translation>
    </message>
    <message>
        <source>spaces without geometry</source>
        <translation>ruimten zonder geometrie</translation>
    </message>
    <message>
        <source>Imported %1 (%2, %3)</source>
        <translation>%1 geïmporteerd (%2, %3)</translation>
    </message>
    <message>
        <source>rooms: %1, total floor area %2 m²</source>
        <translation>ruimten: %1, totaal vloeroppervlak %2 m²</translation>
    </message>
    <message>
        <source>doors: %1</source>
        <translation>deuren: %1</translation>
    </message>
    <message>
        <source>Not recognised or assumed (%1):</source>
        <translation>Niet herkend of aangenomen (%1):</translation>
    </message>
    <message>
        <source>Validation: no problems</source>
        <translation>Controle: geen problemen</translation>
    </message>
    <message>
        <source>Validation (%1):</source>
        <translation>Controle (%1):</translation>
    </message>
    <message>
        <source>error: </source>
        <translation>fout: </translation>
    </message>
    <message>
        <source>warning: </source>
        <translation>waarschuwing: </translation>
    </message>
    <message>
        <source>Wrote %1 (the plan has errors: fix the drawing or the mapping)</source>
        <translation>%1 geschreven (de plattegrond heeft fouten: herstel de tekening of de koppeling)</translation>
    </message>
    <message>
        <source>Wrote %1</source>
        <translation>%1 geschreven</translation>
    </message>
</context>
<context>
    <name>plan</name>
    <message>
        <source>Regional plan: %1 (candidates from: %2)</source>
        <translation>Regionaal plan: %1 (kandidaten uit: %2)</translation>
    </message>
    <message>
        <source>Demand: %1 points, weight %2; travel: %3</source>
        <translation>Vraag: %1 punten, weging %2; reisafstand: %3</translation>
    </message>
    <message>
        <source>Candidates %1 (places): %2</source>
        <translation>Kandidaten %1 (plaatsen): %2</translation>
    </message>
    <message>
        <source>note: %1</source>
        <translation>let op: %1</translation>
    </message>
    <message>
        <source>Proven optimal plan: weighted travel %1 (weight x metres; VG7 %2, ambulant %3)</source>
        <translation>Bewezen optimaal plan: gewogen reisafstand %1 (weging x meters; VG7 %2, ambulant %3)</translation>
    </message>
    <message>
        <source>no demand point has this location as its nearest chosen location of its kind; it is in the plan for its places (or the spread), not for its clients.</source>
        <translation>geen vraagpunt heeft deze plek als dichtstbijzijnde gekozen plek van zijn soort; ze zit in het plan om haar plaatsen (of de spreiding), niet om haar cliënten.</translation>
    </message>
    <message>
        <source>BINDS:</source>
        <translation>BEPERKT:</translation>
    </message>
    <message>
        <source>does not bind (the optimum is the same without it)</source>
        <translation>beperkt niet (zonder deze voorwaarde is het optimum hetzelfde)</translation>
    </message>
    <message>
        <source>Need: VG7 %1, ambulant %2; minimum separation %3</source>
        <translation>Behoefte: VG7 %1, ambulant %2; minimale onderlinge afstand %3</translation>
    </message>
    <message>
        <source>as built</source>
        <translation>zoals gebouwd</translation>
    </message>
    <message>
        <source>after conversion (vg7_places)</source>
        <translation>na ombouw (vg7_places)</translation>
    </message>
    <message>
        <source>new build: one group on the free plot (expansion_room)</source>
        <translation>nieuwbouw: één groep op het vrije perceel (expansion_room)</translation>
    </message>
    <message>
        <source>current places</source>
        <translation>huidige plaatsen</translation>
    </message>
    <message>
        <source>bedrooms in the plan</source>
        <translation>slaapkamers in de plattegrond</translation>
    </message>
    <message>
        <source>Stopped at the time limit: best found %1, proven lower bound %2, gap %3 %</source>
        <translation>Gestopt bij de tijdslimiet: beste gevonden %1, bewezen ondergrens %2, verschil %3 %</translation>
    </message>
    <message>
        <source>Best plan found, not proven optimal: weighted travel %1 (weight x metres; VG7 %2, ambulant %3)</source>
        <translation>Beste gevonden plan, niet bewezen optimaal: gewogen reisafstand %1 (weging x meters; VG7 %2, ambulant %3)</translation>
    </message>
    <message>
        <source>vgscan plan: wrote %1, plan.json and plan.csv</source>
        <translation>vgscan plan: %1, plan.json en plan.csv geschreven</translation>
    </message>
    <message>
        <source>vgscan plan: %1 now links plan.html</source>
        <translation>vgscan plan: %1 linkt nu naar plan.html</translation>
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
        <translation>oordeel %1: geen gebouwpoort (het rust alleen op locatieregels)</translation>
    </message>
    <message>
        <source>for %1, the building fails: %2</source>
        <translation>oordeel %1: het gebouw voldoet niet: %2</translation>
    </message>
    <message>
        <source>for %1, the building cannot be decided: %2</source>
        <translation>oordeel %1: het gebouw is niet te beslissen: %2</translation>
    </message>
    <message>
        <source>for %1, the building passes after renovation of: %2</source>
        <translation>oordeel %1: het gebouw voldoet na verbouwing van: %2</translation>
    </message>
    <message>
        <source>for %1, the building passes its %2 building gate(s)</source>
        <translation>oordeel %1: het gebouw voldoet aan zijn %2 gebouwpoort(en)</translation>
    </message>
    <message>
        <source>site not assessed: its floor plan has errors (%1)</source>
        <translation>locatie niet beoordeeld: de plattegrond heeft fouten (%1)</translation>
    </message>
    <message>
        <source>site not assessed: it could not be assessed: %1</source>
        <translation>locatie niet beoordeeld: de beoordeling liep vast: %1</translation>
    </message>
    <message>
        <source>site not assessed: it ran out of memory</source>
        <translation>locatie niet beoordeeld: het geheugen raakte op</translation>
    </message>
    <message>
        <source>site not assessed: it exceeded its time budget of %1 s while %2</source>
        <translation>locatie niet beoordeeld: de tijdslimiet van %1 s werd overschreden bij %2</translation>
    </message>
    <message>
        <source>site not assessed: it exceeded its time budget of %1 s</source>
        <translation>locatie niet beoordeeld: de tijdslimiet van %1 s werd overschreden</translation>
    </message>
    <message>
        <source>reading the plan</source>
        <translation>het lezen van de plattegrond</translation>
    </message>
    <message>
        <source>deriving the building graph</source>
        <translation>het afleiden van de gebouwgraaf</translation>
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
    <message>
        <source>the building was not assessed (no floor plan): the site&apos;s other rules already decide every route</source>
        <translation>het gebouw is niet beoordeeld (geen plattegrond): de andere regels van de locatie beslissen al over elke route</translation>
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
        <source>The floor plan could not be read (see the errors above): building rules could not look at the building.</source>
        <translation>De plattegrond kon niet worden gelezen (zie de fouten hierboven): de gebouwregels konden het gebouw niet bekijken.</translation>
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
        <source>in a cluster of VG7 sites</source>
        <translation>in een cluster van VG7-locaties</translation>
    </message>
    <message>
        <source>gates of %1 may fail where renovation fixes them (%2)</source>
        <translation>poorten van %1 mogen niet voldoen waar verbouwing ze oplost (%2)</translation>
    </message>
    <message>
        <source>and at least one of %1 passes</source>
        <translation>en minstens één van %1 voldoet</translation>
    </message>
    <message>
        <source>score &gt;= %1 %</source>
        <translation>score &gt;= %1 %</translation>
    </message>
    <message>
        <source>off</source>
        <translation>uit</translation>
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
        <source>%1 of %2 candidate sites (fits_vg7, convert_vg7 and cluster), nearest to %3 demand points by weighted travel (p-median); costs: %4.</source>
        <translation>%1 van %2 kandidaat-locaties (geschikt voor VG7, ombouwen naar VG7 en clusteren), het dichtst bij %3 vraagpunten naar gewogen reisafstand (p-mediaan); kosten: %4.</translation>
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
        <source>at most %1 places per cluster and %2 per site; %3 site took part.</source>
        <translation>hoogstens %1 plaatsen per cluster en %2 per locatie; %3 locatie deed mee.</translation>
    </message>
    <message>
        <source>No cluster: no site has the verdict %1, so none takes part.</source>
        <translation>Geen cluster: geen locatie heeft het oordeel %1, dus geen enkele doet mee.</translation>
    </message>
    <message>
        <source> or </source>
        <translation> of </translation>
    </message>
    <message>
        <source>No cluster: only one site has the verdict %1.</source>
        <translation>Geen cluster: maar één locatie heeft het oordeel %1.</translation>
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
        <source>scale bar</source>
        <translation>schaalstok</translation>
    </message>
    <message>
        <source>north</source>
        <translation>noorden</translation>
    </message>
    <message>
        <source>group %1</source>
        <translation>groep %1</translation>
    </message>
    <message>
        <source>staff post %1</source>
        <translation>teampost %1</translation>
    </message>
    <message>
        <source>staff post %1 (group %2)</source>
        <translation>teampost %1 (groep %2)</translation>
    </message>
    <message>
        <source>road (%1)</source>
        <translation>weg (%1)</translation>
    </message>
    <message>
        <source>roads left out: too many in this window</source>
        <translation>wegen weggelaten: te veel in dit venster</translation>
    </message>
    <message>
        <source>only roads from %1 up</source>
        <translation>alleen wegen vanaf %1</translation>
    </message>
    <message>
        <source>%1 of %2 points of interest shown: those nearest the site</source>
        <translation>%1 van %2 voorzieningen getoond: die het dichtst bij de locatie</translation>
    </message>
    <message>
        <source>plot of %1</source>
        <translation>perceel van %1</translation>
    </message>
    <message>
        <source>map of the portfolio&apos;s sites coloured by verdict</source>
        <translation>kaart van de locaties van de portefeuille, gekleurd naar oordeel</translation>
    </message>
    <message>
        <source>%1: night round %2 m</source>
        <translation>%1: nachtronde %2 m</translation>
    </message>
    <message>
        <source>assumption</source>
        <translation>aanname</translation>
    </message>
    <message>
        <source>no route</source>
        <translation>geen route</translation>
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
    <message>
        <source>Changes since the earlier scan</source>
        <translation>Veranderingen sinds de vorige scan</translation>
    </message>
    <message>
        <source>Compared with %1: %2 sites, rule set %3 (vgscan diff gives the same as text or JSON).</source>
        <translation>Vergeleken met %1: %2 locaties, regelset %3 (vgscan diff geeft hetzelfde als tekst of JSON).</translation>
    </message>
    <message>
        <source>The earlier scan does not record its rule set&apos;s hash, so edits of the rule set cannot be known.</source>
        <translation>De vorige scan legt de hash van zijn regelset niet vast, dus wijzigingen in de regelset zijn niet te zien.</translation>
    </message>
    <message>
        <source>Rule set unchanged.</source>
        <translation>Regelset ongewijzigd.</translation>
    </message>
    <message>
        <source>Rule set changed:</source>
        <translation>Regelset gewijzigd:</translation>
    </message>
    <message>
        <source>no rule parameter changed: the verdict policy, sources or text of the file did</source>
        <translation>geen regelparameter gewijzigd: het oordeelbeleid, de bronnen of de tekst van het bestand wel</translation>
    </message>
    <message>
        <source>%1: threshold &apos;%2&apos; -&gt; &apos;%3&apos; at %4 sites where the outcome held</source>
        <translation>%1: drempel &apos;%2&apos; -&gt; &apos;%3&apos; bij %4 locaties waar de uitkomst gelijk bleef</translation>
    </message>
    <message>
        <source>Sites added</source>
        <translation>Locaties erbij</translation>
    </message>
    <message>
        <source>Sites removed</source>
        <translation>Locaties vervallen</translation>
    </message>
    <message>
        <source>No site changed (%1 compared).</source>
        <translation>Geen locatie veranderd (%1 vergeleken).</translation>
    </message>
    <message>
        <source>%1 sites changed, %2 unchanged:</source>
        <translation>%1 locaties veranderd, %2 ongewijzigd:</translation>
    </message>
    <message>
        <source>No rule was run: the site could not be assessed (see the errors above).</source>
        <translation>Er is geen regel uitgevoerd: de locatie kon niet worden beoordeeld (zie de fouten hierboven).</translation>
    </message>
    <message>
        <source>%1 site changed, %2 unchanged:</source>
        <translation>%1 locatie veranderd, %2 ongewijzigd:</translation>
    </message>
    <message>
        <source>not recorded</source>
        <translation>niet vastgelegd</translation>
    </message>
    <message>
        <source>The earlier scan does not record %1 (it was made by an earlier vgscan): not compared.</source>
        <translation>De eerdere scan legt %1 niet vast (hij is gemaakt door een eerdere vgscan): niet vergeleken.</translation>
    </message>
    <message>
        <source>This scan does not record %1, which the earlier scan does: not compared.</source>
        <translation>Deze scan legt %1 niet vast, de eerdere scan wel: niet vergeleken.</translation>
    </message>
    <message>
        <source>its rule set</source>
        <translation>zijn regelset</translation>
    </message>
    <message>
        <source>the regional choice</source>
        <translation>de regionale keuze</translation>
    </message>
    <message>
        <source>the clusters</source>
        <translation>de clusters</translation>
    </message>
    <message>
        <source>whether each verdict is stable</source>
        <translation>of elk oordeel stabiel is</translation>
    </message>
    <message>
        <source>the friction costs</source>
        <translation>de frictiekosten</translation>
    </message>
    <message>
        <source>the rules&apos; versions</source>
        <translation>de versies van de regels</translation>
    </message>
    <message>
        <source>what changed</source>
        <translation>wat veranderde</translation>
    </message>
    <message>
        <source>%1 (held)</source>
        <translation>%1 (gelijk gebleven)</translation>
    </message>
    <message>
        <source>Portfolio:</source>
        <translation>Portefeuille:</translation>
    </message>
    <message>
        <source>Changes</source>
        <translation>Veranderingen</translation>
    </message>
    <message>
        <source>The regional plan (VG7 and clustered ambulant locations against the region&apos;s need of N and M places) is made from this scan: run %1 in this folder. It writes %2 beside this report.</source>
        <translation>Het regionale plan (plekken voor VG7 en geclusterd ambulant wonen tegen de behoefte van de regio aan N en M plaatsen) wordt gemaakt uit deze scan: voer %1 uit in deze map. Dat schrijft %2 naast dit rapport.</translation>
    </message>
    <message>
        <source>%1: no demand point has it as its nearest chosen site, so the objective is the same without it; fewer sites serve as well.</source>
        <translation>%1: voor geen enkel vraagpunt is dit de dichtstbijzijnde gekozen locatie, dus de doelwaarde is zonder deze locatie dezelfde; minder locaties voldoen even goed.</translation>
    </message>
    <message>
        <source>This choice weighs distance only; the regional plan (%1) also counts the places each location holds against the region&apos;s need, so it may choose otherwise.</source>
        <translation>Deze keuze weegt alleen de afstand; het regionale plan (%1) telt ook de plaatsen die elke plek biedt tegen de behoefte van de regio, en kan dus anders kiezen.</translation>
    </message>
    <message>
        <source>Lines: each demand point&apos;s route along the roads to its chosen location of the map&apos;s kind, the way its travel was measured; wider where more clients&apos; routes run.</source>
        <translation>Lijnen: de route over de weg van elk vraagpunt naar de gekozen plek van de soort van de kaart, zoals de reisafstand gemeten is; breder waar de routes van meer cliënten lopen.</translation>
    </message>
    <message>
        <source>Dashed straight lines: %1 routes the roads do not give; their travel is the straight line times the detour factor.</source>
        <translation>Gestippelde rechte lijnen: %1 routes die het wegennet niet geeft; hun reisafstand is de rechte lijn maal de omrijfactor.</translation>
    </message>
    <message>
        <source>Dashed straight lines join each demand point to its chosen location of the map&apos;s kind: there are no roads, travel is the straight line times the detour factor.</source>
        <translation>Gestippelde rechte lijnen verbinden elk vraagpunt met de gekozen plek van de soort van de kaart: er zijn geen wegen, de reisafstand is de rechte lijn maal de omrijfactor.</translation>
    </message>
    <message>
        <source>map of the routes to the chosen %1 locations, with the candidates and the demand</source>
        <translation>kaart van de routes naar de gekozen %1-plekken, met de kandidaten en de vraag</translation>
    </message>
    <message>
        <source>%1: routes to the chosen locations</source>
        <translation>%1: routes naar de gekozen plekken</translation>
    </message>
    <message>
        <source>%1 %2 (%3 places for a need of %4)</source>
        <translation>%1 %2 (%3 plaatsen voor een behoefte van %4)</translation>
    </message>
    <message>
        <source>Regional plan made from this scan at %1: %2; %3.</source>
        <translation>Regionaal plan gemaakt uit deze scan op %1: %2; %3.</translation>
    </message>
    <message>
        <source>Open the plan with its map (plan.html).</source>
        <translation>Open het plan met de kaart (plan.html).</translation>
    </message>
    <message>
        <source>%1 of them are not drawn: a map draws them only when it has at most %2.</source>
        <translation>%1 daarvan zijn niet getekend: een kaart tekent ze alleen als het er hoogstens %2 zijn.</translation>
    </message>
    <message>
        <source>Thin grey lines: the roads.</source>
        <translation>Dunne grijze lijnen: de wegen.</translation>
    </message>
    <message>
        <source>Thin grey lines: the roads (%1).</source>
        <translation>Dunne grijze lijnen: de wegen (%1).</translation>
    </message>
    <message>
        <source>%1 place</source>
        <translation>%1 plaats</translation>
    </message>
    <message>
        <source>%1 location</source>
        <translation>%1 plek</translation>
    </message>
    <message>
        <source>%1 locations</source>
        <translation>%1 plekken</translation>
    </message>
    <message>
        <source>%1 in %2</source>
        <translation>%1 op %2</translation>
    </message>
    <message>
        <source>None asked for (--runners-up 0).</source>
        <translation>Niet gevraagd (--runners-up 0).</translation>
    </message>
    <message>
        <source>%1 asked for: no other plan meets the needs and the constraints.</source>
        <translation>%1 gevraagd: geen ander plan voldoet aan de behoefte en de voorwaarden.</translation>
    </message>
    <message>
        <source>%1 asked for: only this other plan meets the needs and the constraints.</source>
        <translation>%1 gevraagd: alleen dit andere plan voldoet aan de behoefte en de voorwaarden.</translation>
    </message>
    <message>
        <source>%1 asked for: only these %2 other plans meet the needs and the constraints.</source>
        <translation>%1 gevraagd: alleen deze %2 andere plannen voldoen aan de behoefte en de voorwaarden.</translation>
    </message>
    <message>
        <source>demand points</source>
        <translation>vraagpunten</translation>
    </message>
    <message>
        <source>clients (weight)</source>
        <translation>cliënten (weging)</translation>
    </message>
    <message>
        <source>Sites too close to tell apart are drawn round a small circle, a thin line to where each is.</source>
        <translation>Locaties die te dicht bij elkaar liggen om te onderscheiden staan op een kleine cirkel, met een dunne lijn naar waar elk ligt.</translation>
    </message>
    <message>
        <source>Candidate locations</source>
        <translation>Kandidaat-plekken</translation>
    </message>
    <message>
        <source>basis</source>
        <translation>grondslag</translation>
    </message>
    <message>
        <source>chosen</source>
        <translation>gekozen</translation>
    </message>
    <message>
        <source>(%1 without the caps)</source>
        <translation>(%1 zonder de maxima)</translation>
    </message>
    <message>
        <source>Only the chosen locations are labelled (more than %1 candidates: the table below lists them).</source>
        <translation>Alleen de gekozen plekken hebben een naam op de kaart (meer dan %1 kandidaten: de tabel hieronder noemt ze).</translation>
    </message>
    <message>
        <source>Runners-up (next best plans found, not proven: stopped at the time limit)</source>
        <translation>Volgende beste plannen (gevonden, niet bewezen: gestopt bij de tijdslimiet)</translation>
    </message>
    <message>
        <source>%1 asked for, %2 found before the time limit (others may exist).</source>
        <translation>%1 gevraagd, %2 gevonden voor de tijdslimiet (er kunnen er meer zijn).</translation>
    </message>
    <message>
        <source>The plan (best found, not proven optimal)</source>
        <translation>Het plan (beste gevonden, niet bewezen optimaal)</translation>
    </message>
</context>
<context>
    <name>rules</name>
    <message>
        <source>%1 estimated: straight line %2 x %3 (the roads do not connect the site to it)</source>
        <translation>%1 geschat: hemelsbreed %2 x %3 (de wegen verbinden de locatie er niet mee)</translation>
    </message>
    <message>
        <source>%1 estimated: straight line %2 x %3 (no roads layer)</source>
        <translation>%1 geschat: hemelsbreed %2 x %3 (geen wegenlaag)</translation>
    </message>
    <message>
        <source>%1 along the roads (site to road %2, road to %3 %4)</source>
        <translation>%1 over de weg (locatie tot weg %2, weg tot %3 %4)</translation>
    </message>
    <message>
        <source>bedroom</source>
        <translation>slaapkamer</translation>
    </message>
    <message>
        <source>bathroom</source>
        <translation>badkamer</translation>
    </message>
    <message>
        <source>wc</source>
        <translation>wc</translation>
    </message>
    <message>
        <source>shower</source>
        <translation>douche</translation>
    </message>
    <message>
        <source>living</source>
        <translation>woonkamer</translation>
    </message>
    <message>
        <source>dining</source>
        <translation>eetruimte</translation>
    </message>
    <message>
        <source>kitchen</source>
        <translation>keuken</translation>
    </message>
    <message>
        <source>corridor</source>
        <translation>gang</translation>
    </message>
    <message>
        <source>hall</source>
        <translation>hal</translation>
    </message>
    <message>
        <source>entrance</source>
        <translation>entree</translation>
    </message>
    <message>
        <source>staff</source>
        <translation>personeelsruimte</translation>
    </message>
    <message>
        <source>office</source>
        <translation>kantoor</translation>
    </message>
    <message>
        <source>treatment</source>
        <translation>behandelruimte</translation>
    </message>
    <message>
        <source>activity</source>
        <translation>activiteitenruimte</translation>
    </message>
    <message>
        <source>quiet</source>
        <translation>stilteruimte</translation>
    </message>
    <message>
        <source>seclusion</source>
        <translation>separeerruimte</translation>
    </message>
    <message>
        <source>storage</source>
        <translation>berging</translation>
    </message>
    <message>
        <source>technical</source>
        <translation>technische ruimte</translation>
    </message>
    <message>
        <source>laundry</source>
        <translation>wasruimte</translation>
    </message>
    <message>
        <source>stair</source>
        <translation>trap</translation>
    </message>
    <message>
        <source>lift</source>
        <translation>lift</translation>
    </message>
    <message>
        <source>outdoor</source>
        <translation>buitenruimte</translation>
    </message>
    <message>
        <source>other</source>
        <translation>overig</translation>
    </message>
    <message>
        <source>door</source>
        <translation>deur</translation>
    </message>
    <message>
        <source>passage</source>
        <translation>doorgang</translation>
    </message>
    <message>
        <source>window</source>
        <translation>raam</translation>
    </message>
    <message>
        <source>space</source>
        <translation>ruimte</translation>
    </message>
    <message>
        <source>opening</source>
        <translation>opening</translation>
    </message>
    <message>
        <source>group</source>
        <translation>groep</translation>
    </message>
    <message>
        <source>site</source>
        <translation>locatie</translation>
    </message>
    <message>
        <source>building</source>
        <translation>gebouw</translation>
    </message>
    <message>
        <source>plan</source>
        <translation>plattegrond</translation>
    </message>
    <message>
        <source>staff_post</source>
        <translation>teampost</translation>
    </message>
    <message>
        <source>dwelling</source>
        <translation>woning</translation>
    </message>
    <message>
        <source>poi</source>
        <translation>voorziening</translation>
    </message>
    <message>
        <source>wall</source>
        <translation>wand</translation>
    </message>
    <message>
        <source>liveability</source>
        <translation>leefbaarheid</translation>
    </message>
    <message>
        <source>%1 (warn from %2)</source>
        <translation>%1 (waarschuwing vanaf %2)</translation>
    </message>
    <message>
        <source>%1 (warn up to %2)</source>
        <translation>%1 (waarschuwing tot en met %2)</translation>
    </message>
    <message>
        <source>warning: the portfolio has no roads layer, so the distance is only estimated</source>
        <translation>let op: de portefeuille heeft geen wegenlaag, dus de afstand is alleen geschat</translation>
    </message>
    <message>
        <source>the portfolio has no roads layer: the distance is an estimate</source>
        <translation>de portefeuille heeft geen wegenlaag: de afstand is een schatting</translation>
    </message>
    <message>
        <source>a distance along the roads</source>
        <translation>een afstand over de weg</translation>
    </message>
    <message>
        <source>straight line x %1</source>
        <translation>hemelsbreed x %1</translation>
    </message>
    <message>
        <source>%1: none in the poi layer</source>
        <translation>%1: geen in de voorzieningenlaag</translation>
    </message>
    <message>
        <source>no &apos;%1&apos; in the poi layer: its distance is unknown</source>
        <translation>geen &apos;%1&apos; in de voorzieningenlaag: de afstand is onbekend</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>onbekend</translation>
    </message>
    <message>
        <source>too far: nearest %1</source>
        <translation>te ver: dichtstbijzijnde %1</translation>
    </message>
    <message>
        <source>nearest %1</source>
        <translation>dichtstbijzijnde %1</translation>
    </message>
    <message>
        <source>%1, %2 min</source>
        <translation>%1, %2 min</translation>
    </message>
    <message>
        <source>service</source>
        <translation>voorziening</translation>
    </message>
    <message>
        <source>the road network does not connect the site to any %1</source>
        <translation>het wegennet verbindt de locatie met geen enkele %1</translation>
    </message>
    <message>
        <source>a road route</source>
        <translation>een route over de weg</translation>
    </message>
    <message>
        <source>none: estimated from the straight line</source>
        <translation>geen: geschat uit de hemelsbrede afstand</translation>
    </message>
    <message>
        <source>%1 %2 m (estimated)</source>
        <translation>%1 %2 m (geschat)</translation>
    </message>
    <message>
        <source>%1 %2 m</source>
        <translation>%1 %2 m</translation>
    </message>
    <message>
        <source>no site and context layers (run in a portfolio scan)</source>
        <translation>geen locatie- en omgevingslagen (draai in een portefeuillescan)</translation>
    </message>
    <message>
        <source>&lt;= %1 (each)</source>
        <translation>&lt;= %1 (elk)</translation>
    </message>
    <message>
        <source>the portfolio has no poi layer: %1</source>
        <translation>de portefeuille heeft geen voorzieningenlaag: %1</translation>
    </message>
    <message>
        <source>estimated: %1</source>
        <translation>geschat: %1</translation>
    </message>
    <message>
        <source>the distance to shops, stops and day activities is unknown</source>
        <translation>de afstand tot winkels, haltes en dagbesteding is onbekend</translation>
    </message>
    <message>
        <source>travel to the services unknown</source>
        <translation>reisafstand tot de voorzieningen onbekend</translation>
    </message>
    <message>
        <source>road &gt;= %1; place &gt;= %2</source>
        <translation>weg &gt;= %1; plek &gt;= %2</translation>
    </message>
    <message>
        <source>the portfolio has neither a roads nor a poi layer</source>
        <translation>de portefeuille heeft geen wegenlaag en geen voorzieningenlaag</translation>
    </message>
    <message>
        <source>%1 road (aadt %2)</source>
        <translation>%1 weg (etmaalintensiteit %2)</translation>
    </message>
    <message>
        <source>%1 road</source>
        <translation>%1 weg</translation>
    </message>
    <message>
        <source>no roads layer: distance to busy roads unknown</source>
        <translation>geen wegenlaag: afstand tot drukke wegen onbekend</translation>
    </message>
    <message>
        <source>no busy road in the context layer</source>
        <translation>geen drukke weg in de omgevingslaag</translation>
    </message>
    <message>
        <source>too close to a busy road: %1</source>
        <translation>te dicht bij een drukke weg: %1</translation>
    </message>
    <message>
        <source>nearest busy road: %1</source>
        <translation>dichtstbijzijnde drukke weg: %1</translation>
    </message>
    <message>
        <source>no poi layer: distance to busy places unknown</source>
        <translation>geen voorzieningenlaag: afstand tot drukke plekken onbekend</translation>
    </message>
    <message>
        <source>no busy place in the context layer</source>
        <translation>geen drukke plek in de omgevingslaag</translation>
    </message>
    <message>
        <source>too close to a busy place: %1</source>
        <translation>te dicht bij een drukke plek: %1</translation>
    </message>
    <message>
        <source>nearest busy place: %1</source>
        <translation>dichtstbijzijnde drukke plek: %1</translation>
    </message>
    <message>
        <source>none</source>
        <translation>geen</translation>
    </message>
    <message>
        <source>%1 from the plot (no footprints)</source>
        <translation>%1 van het perceel (geen bebouwingscontouren)</translation>
    </message>
    <message>
        <source>%1 from the footprint</source>
        <translation>%1 van de bebouwingscontour</translation>
    </message>
    <message>
        <source>nearest busy road</source>
        <translation>dichtstbijzijnde drukke weg</translation>
    </message>
    <message>
        <source>nearest busy place</source>
        <translation>dichtstbijzijnde drukke plek</translation>
    </message>
    <message>
        <source>unknown (no layer)</source>
        <translation>onbekend (geen laag)</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>none in the layer</source>
        <translation>geen in de laag</translation>
    </message>
    <message>
        <source>busy road: %1</source>
        <translation>drukke weg: %1</translation>
    </message>
    <message>
        <source>busy place: %1</source>
        <translation>drukke plek: %1</translation>
    </message>
    <message>
        <source>too close to a busy area: %1</source>
        <translation>te dicht bij een drukke omgeving: %1</translation>
    </message>
    <message>
        <source>far enough from busy areas: %1</source>
        <translation>ver genoeg van drukke plekken: %1</translation>
    </message>
    <message>
        <source>the polygon has no usable outline</source>
        <translation>de polygoon heeft geen bruikbare omtrek</translation>
    </message>
    <message>
        <source>no medial axis inside the polygon</source>
        <translation>geen middenas binnen de polygoon</translation>
    </message>
    <message>
        <source>the far end</source>
        <translation>het verre einde</translation>
    </message>
    <message>
        <source>one end</source>
        <translation>het ene einde</translation>
    </message>
    <message>
        <source>the other end</source>
        <translation>het andere einde</translation>
    </message>
    <message>
        <source>no disc reaches its door</source>
        <translation>geen cirkel reikt tot de deur</translation>
    </message>
    <message>
        <source>%1 and %2</source>
        <translation>%1 en %2</translation>
    </message>
    <message>
        <source>its doors are not connected inside the polygon</source>
        <translation>de deuren zijn binnen de polygoon niet met elkaar verbonden</translation>
    </message>
    <message>
        <source>%1 or %2</source>
        <translation>%1 of %2</translation>
    </message>
    <message>
        <source>the plan has no %1</source>
        <translation>de plattegrond heeft geen %1</translation>
    </message>
    <message>
        <source>space to measure</source>
        <translation>ruimte om te meten</translation>
    </message>
    <message>
        <source>%1 %2 of %3 %4 is narrower than %5 m</source>
        <translation>%1 %2 van %3 %4 is smaller dan %5 m</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>could not measure the clear width of %1: %2</source>
        <translation>de vrije breedte van %1 is niet te meten: %2</translation>
    </message>
    <message>
        <source>narrowest clear width of %1 is %2 m at %3, on the route between %4</source>
        <translation>smalste vrije breedte van %1 is %2 m bij %3, op de route tussen %4</translation>
    </message>
    <message>
        <source>narrowest clear width %1 m</source>
        <translation>smalste vrije breedte %1 m</translation>
    </message>
    <message>
        <source>%1 (not placed in its walls, so not a route end: %2)</source>
        <translation>%1 (niet in de wanden geplaatst, dus geen eindpunt van een route: %2)</translation>
    </message>
    <message>
        <source>could not measure any %1</source>
        <translation>geen enkele %1 te meten</translation>
    </message>
    <message>
        <source>narrowest clear width %1 m in %2 %3 (storey %4) at %5</source>
        <translation>smalste vrije breedte %1 m in %2 %3 (bouwlaag %4) bij %5</translation>
    </message>
    <message>
        <source>%1 opening(s) narrower than %2 m</source>
        <translation>%1 opening(en) smaller dan %2 m</translation>
    </message>
    <message>
        <source>%1 space(s) could not be measured</source>
        <translation>%1 ruimte(n) niet te meten</translation>
    </message>
    <message>
        <source>%1 x %2 m module</source>
        <translation>module van %1 x %2 m</translation>
    </message>
    <message>
        <source>room for a %1</source>
        <translation>uitbreidingsruimte voor een %1</translation>
    </message>
    <message>
        <source>no site: expansion room is measured on a portfolio&apos;s plot</source>
        <translation>geen locatie: uitbreidingsruimte wordt gemeten op het perceel uit een portefeuille</translation>
    </message>
    <message>
        <source>invalid parameters: setback and clearance must be &gt;= 0, module sides and angle step &gt; 0</source>
        <translation>ongeldige parameters: afstand tot de perceelgrens en tot gebouwen moeten &gt;= 0 zijn, modulezijden en hoekstap &gt; 0</translation>
    </message>
    <message>
        <source>the site&apos;s plot is not a simple polygon</source>
        <translation>het perceel van de locatie is geen enkelvoudige polygoon</translation>
    </message>
    <message>
        <source>the site has no plot geometry</source>
        <translation>de locatie heeft geen perceelgeometrie</translation>
    </message>
    <message>
        <source>footprint is not a simple polygon: its convex hull (outer ring) is used, holes that cross are filled</source>
        <translation>bebouwingscontour is geen enkelvoudige polygoon: het convexe omhulsel (buitenring) wordt gebruikt, kruisende gaten worden gevuld</translation>
    </message>
    <message>
        <source>a simple polygon</source>
        <translation>een enkelvoudige polygoon</translation>
    </message>
    <message>
        <source>self-intersecting ring</source>
        <translation>zichzelf snijdende ring</translation>
    </message>
    <message>
        <source>free buildable area</source>
        <translation>vrij bebouwbaar oppervlak</translation>
    </message>
    <message>
        <source>%1 free buildable area</source>
        <translation>%1 vrij bebouwbaar oppervlak</translation>
    </message>
    <message>
        <source>module that fits</source>
        <translation>module die past</translation>
    </message>
    <message>
        <source>a %1 fits, turned %2°</source>
        <translation>een %1 past, gedraaid over %2°</translation>
    </message>
    <message>
        <source>a %1 fits, turned %2° (its width %3 m along that bearing from the x axis), centred here</source>
        <translation>een %1 past, gedraaid over %2° (de breedte van %3 m langs die richting vanaf de x-as), hier gecentreerd</translation>
    </message>
    <message>
        <source>fits at %1°</source>
        <translation>past bij %1°</translation>
    </message>
    <message>
        <source>%1: less than one %2 (%3)</source>
        <translation>%1: minder dan één %2 (%3)</translation>
    </message>
    <message>
        <source>the free buildable area is smaller than one module</source>
        <translation>het vrij bebouwbare oppervlak is kleiner dan één module</translation>
    </message>
    <message>
        <source>%1, but a %2 fits in no orientation</source>
        <translation>%1, maar een %2 past in geen enkele richting</translation>
    </message>
    <message>
        <source>the free area is split into pieces each smaller than one module</source>
        <translation>het vrije oppervlak is verdeeld in stukken die elk kleiner zijn dan één module</translation>
    </message>
    <message>
        <source>the free area is too narrow for the module in every orientation</source>
        <translation>het vrije oppervlak is in elke richting te smal voor de module</translation>
    </message>
    <message>
        <source>largest free piece %1; %2 orientations tried</source>
        <translation>grootste vrije stuk %1; %2 richtingen geprobeerd</translation>
    </message>
    <message>
        <source>GP taking Wlz clients</source>
        <translation>huisarts die Wlz-cliënten aanneemt</translation>
    </message>
    <message>
        <source>GP</source>
        <translation>huisarts</translation>
    </message>
    <message>
        <source>GPs taking Wlz clients</source>
        <translation>huisartsen die Wlz-cliënten aannemen</translation>
    </message>
    <message>
        <source>GPs</source>
        <translation>huisartsen</translation>
    </message>
    <message>
        <source>the portfolio has no poi layer: GP access unknown</source>
        <translation>de portefeuille heeft geen voorzieningenlaag: bereikbaarheid van de huisarts onbekend</translation>
    </message>
    <message>
        <source>no GP (category gp) in the poi layer</source>
        <translation>geen huisarts (categorie gp) in de voorzieningenlaag</translation>
    </message>
    <message>
        <source>no GP is known to take Wlz clients (accepts_wlz not given)</source>
        <translation>van geen enkele huisarts is bekend dat hij Wlz-cliënten aanneemt (accepts_wlz ontbreekt)</translation>
    </message>
    <message>
        <source>no GP in the poi layer takes Wlz clients</source>
        <translation>geen huisarts in de voorzieningenlaag neemt Wlz-cliënten aan</translation>
    </message>
    <message>
        <source>GP &apos;%1&apos;</source>
        <translation>huisarts &apos;%1&apos;</translation>
    </message>
    <message>
        <source>%1 %2 away (%3 min at %4 km/h)</source>
        <translation>%1 op %2 (%3 min bij %4 km/u)</translation>
    </message>
    <message>
        <source>%1 %2 within %3</source>
        <translation>%1 %2 binnen %3</translation>
    </message>
    <message>
        <source>bedrooms</source>
        <translation>slaapkamers</translation>
    </message>
    <message>
        <source>the plan has no bedrooms</source>
        <translation>de plattegrond heeft geen slaapkamers</translation>
    </message>
    <message>
        <source>%1 bedrooms</source>
        <translation>%1 slaapkamers</translation>
    </message>
    <message>
        <source>bedrooms %1 belong to no living group; counted as their own group</source>
        <translation>slaapkamers %1 horen bij geen woongroep; geteld als eigen groep</translation>
    </message>
    <message>
        <source>group %1 has %2 bedrooms</source>
        <translation>groep %1 heeft %2 slaapkamers</translation>
    </message>
    <message>
        <source>largest living group: %1 with %2 bedrooms (%3 group, %4 bedrooms)</source>
        <translation>grootste woongroep: %1 met %2 slaapkamers (%3 groep, %4 slaapkamers)</translation>
    </message>
    <message>
        <source>largest living group: %1 with %2 bedrooms (%3 groups, %4 bedrooms)</source>
        <translation>grootste woongroep: %1 met %2 slaapkamers (%3 groepen, %4 slaapkamers)</translation>
    </message>
    <message>
        <source>the outside</source>
        <translation>buiten</translation>
    </message>
    <message>
        <source>own bathroom (or wc + shower) opening off the bedroom</source>
        <translation>eigen badkamer (of wc + douche) met de deur in de slaapkamer</translation>
    </message>
    <message>
        <source>no sanitary space opens off this bedroom</source>
        <translation>geen sanitaire ruimte komt uit op deze slaapkamer</translation>
    </message>
    <message>
        <source>sanitary %1 also opens onto %2</source>
        <translation>sanitair %1 komt ook uit op %2</translation>
    </message>
    <message>
        <source>shared</source>
        <translation>gedeeld</translation>
    </message>
    <message>
        <source>sanitary %1 lacks %2</source>
        <translation>sanitair %1 mist %2</translation>
    </message>
    <message>
        <source>a shower</source>
        <translation>een douche</translation>
    </message>
    <message>
        <source>a wc</source>
        <translation>een wc</translation>
    </message>
    <message>
        <source>wc only</source>
        <translation>alleen wc</translation>
    </message>
    <message>
        <source>shower only</source>
        <translation>alleen douche</translation>
    </message>
    <message>
        <source>own sanitary %1 is too small</source>
        <translation>eigen sanitair %1 is te klein</translation>
    </message>
    <message>
        <source>door into own sanitary %1 is too narrow</source>
        <translation>deur naar eigen sanitair %1 is te smal</translation>
    </message>
    <message>
        <source>%1 of %2 bedrooms have their own sanitary</source>
        <translation>%1 van %2 slaapkamers hebben eigen sanitair</translation>
    </message>
    <message>
        <source>class</source>
        <translation>klasse</translation>
    </message>
    <message>
        <source>the portfolio has no liveability layer (Leefbaarometer): the neighbourhood&apos;s liveability is unknown</source>
        <translation>de portefeuille heeft geen leefbaarheidslaag (Leefbaarometer): de leefbaarheid van de buurt is onbekend</translation>
    </message>
    <message>
        <source>the liveability layer has no scored area within %1 m: it does not cover the site</source>
        <translation>de leefbaarheidslaag heeft geen gescoord gebied binnen %1 m: ze dekt de locatie niet</translation>
    </message>
    <message>
        <source>no scored neighbourhood within %1 m (the nearest is %2 m away): the Leefbaarometer scores no place with too few homes, so an outlying site has no neighbourhood under pressure</source>
        <translation>geen gescoorde buurt binnen %1 m (de dichtstbijzijnde ligt op %2 m): de Leefbaarometer scoort geen plek met te weinig woningen, dus een afgelegen locatie heeft geen buurt onder druk</translation>
    </message>
    <message>
        <source>liveability under pressure where the site stands</source>
        <translation>leefbaarheid onder druk waar de locatie staat</translation>
    </message>
    <message>
        <source>liveability under pressure: the nearest scored area</source>
        <translation>leefbaarheid onder druk: het dichtstbijzijnde gescoorde gebied</translation>
    </message>
    <message>
        <source>liveability where the site stands</source>
        <translation>leefbaarheid waar de locatie staat</translation>
    </message>
    <message>
        <source>liveability: the nearest scored area</source>
        <translation>leefbaarheid: het dichtstbijzijnde gescoorde gebied</translation>
    </message>
    <message>
        <source>class %1</source>
        <translation>klasse %1</translation>
    </message>
    <message>
        <source>class %1 (%2)</source>
        <translation>klasse %1 (%2)</translation>
    </message>
    <message>
        <source>class %1, %3 m away</source>
        <translation>klasse %1, op %3 m</translation>
    </message>
    <message>
        <source>class %1 (%2), %3 m away</source>
        <translation>klasse %1 (%2), op %3 m</translation>
    </message>
    <message>
        <source>liveability area</source>
        <translation>leefbaarheidsgebied</translation>
    </message>
    <message>
        <source>Leefbaarometer class %1</source>
        <translation>Leefbaarometer-klasse %1</translation>
    </message>
    <message>
        <source>Leefbaarometer class %1 (%2)</source>
        <translation>Leefbaarometer-klasse %1 (%2)</translation>
    </message>
    <message>
        <source>Leefbaarometer class %1 in the nearest scored area, %3 m away</source>
        <translation>Leefbaarometer-klasse %1 in het dichtstbijzijnde gescoorde gebied, op %3 m</translation>
    </message>
    <message>
        <source>Leefbaarometer class %1 (%2) in the nearest scored area, %3 m away</source>
        <translation>Leefbaarometer-klasse %1 (%2) in het dichtstbijzijnde gescoorde gebied, op %3 m</translation>
    </message>
    <message>
        <source>&gt;= %1 to the nearest home; &lt;= %2 homes within %3 m</source>
        <translation>&gt;= %1 tot de dichtstbijzijnde woning; &lt;= %2 woningen binnen %3 m</translation>
    </message>
    <message>
        <source>the portfolio has no dwellings layer (BAG verblijfsobjecten): the distance to the neighbours is unknown</source>
        <translation>de portefeuille heeft geen woningenlaag (BAG-verblijfsobjecten): de afstand tot de buren is onbekend</translation>
    </message>
    <message>
        <source>homes</source>
        <translation>woningen</translation>
    </message>
    <message>
        <source>no neighbouring home in the dwellings layer around the site</source>
        <translation>geen naburige woning in de woningenlaag rond de locatie</translation>
    </message>
    <message>
        <source>too close: nearest neighbouring home</source>
        <translation>te dichtbij: dichtstbijzijnde naburige woning</translation>
    </message>
    <message>
        <source>nearest neighbouring home</source>
        <translation>dichtstbijzijnde naburige woning</translation>
    </message>
    <message>
        <source>%1 m from the plot</source>
        <translation>%1 m van het perceel</translation>
    </message>
    <message>
        <source>a busy residential area: too many homes around the site</source>
        <translation>een drukke woonomgeving: te veel woningen rond de locatie</translation>
    </message>
    <message>
        <source>&lt;= %1 within %2 m</source>
        <translation>&lt;= %1 binnen %2 m</translation>
    </message>
    <message>
        <source>%1 homes</source>
        <translation>%1 woningen</translation>
    </message>
    <message>
        <source>nearest neighbouring home %1 m from the plot; %2 homes within %3 m</source>
        <translation>dichtstbijzijnde naburige woning %1 m van het perceel; %2 woningen binnen %3 m</translation>
    </message>
    <message>
        <source>m2/resident</source>
        <translation>m2/bewoner</translation>
    </message>
    <message>
        <source>&gt;= %1 (fail when a group has none)</source>
        <translation>&gt;= %1 (voldoet niet als een groep er geen heeft)</translation>
    </message>
    <message>
        <source>&gt;= %1 m2/resident of outdoor space opening onto the group</source>
        <translation>&gt;= %1 m2/bewoner buitenruimte die uitkomt op de groep</translation>
    </message>
    <message>
        <source>no outdoor space opens onto a non-bedroom space of group %1</source>
        <translation>geen buitenruimte komt uit op een ruimte van groep %1 die geen slaapkamer is</translation>
    </message>
    <message>
        <source>%1 has no door</source>
        <translation>%1 heeft geen deur</translation>
    </message>
    <message>
        <source>%1 opens onto %2</source>
        <translation>%1 komt uit op %2</translation>
    </message>
    <message>
        <source>%1 m2/resident</source>
        <translation>%1 m2/bewoner</translation>
    </message>
    <message>
        <source>group %1: %2 (%3 m2) for %4 residents</source>
        <translation>groep %1: %2 (%3 m2) voor %4 bewoners</translation>
    </message>
    <message>
        <source>group %1: %2 (%3 m2, shared with group %4) for %5 residents</source>
        <translation>groep %1: %2 (%3 m2, gedeeld met groep %4) voor %5 bewoners</translation>
    </message>
    <message>
        <source>outdoor space of %1</source>
        <translation>buitenruimte van %1</translation>
    </message>
    <message>
        <source>smallest outdoor area per resident: %1 m2 (group %2); %3 of %4 groups without an outdoor space</source>
        <translation>kleinste buitenruimte per bewoner: %1 m2 (groep %2); %3 van %4 groepen zonder buitenruimte</translation>
    </message>
    <message>
        <source>a quiet room &gt;= %1 m2 reachable from the living room without passing a bedroom, sharing no wall with it</source>
        <translation>een stilteruimte &gt;= %1 m2, bereikbaar vanuit de woonkamer zonder langs een slaapkamer te gaan, zonder gedeelde wand ermee</translation>
    </message>
    <message>
        <source>a quiet room &gt;= %1 m2 reachable from the living room without passing a bedroom</source>
        <translation>een stilteruimte &gt;= %1 m2, bereikbaar vanuit de woonkamer zonder langs een slaapkamer te gaan</translation>
    </message>
    <message>
        <source>group %1 has no living room to retreat from</source>
        <translation>groep %1 heeft geen woonkamer om zich uit terug te trekken</translation>
    </message>
    <message>
        <source>no living room</source>
        <translation>geen woonkamer</translation>
    </message>
    <message>
        <source>group %1 has no quiet room</source>
        <translation>groep %1 heeft geen stilteruimte</translation>
    </message>
    <message>
        <source>not reachable from %1</source>
        <translation>niet bereikbaar vanuit %1</translation>
    </message>
    <message>
        <source>not reachable</source>
        <translation>niet bereikbaar</translation>
    </message>
    <message>
        <source>reachable from %1 only through a bedroom</source>
        <translation>vanuit %1 alleen via een slaapkamer bereikbaar</translation>
    </message>
    <message>
        <source>only through a bedroom</source>
        <translation>alleen via een slaapkamer</translation>
    </message>
    <message>
        <source>too small: %1 m2</source>
        <translation>te klein: %1 m2</translation>
    </message>
    <message>
        <source>shares %1 m of wall with the living room</source>
        <translation>deelt %1 m wand met de woonkamer</translation>
    </message>
    <message>
        <source>shares %1 m of wall</source>
        <translation>deelt %1 m wand</translation>
    </message>
    <message>
        <source>quiet room</source>
        <translation>stilteruimte</translation>
    </message>
    <message>
        <source>group %1: no fitting quiet room (%2)</source>
        <translation>groep %1: geen geschikte stilteruimte (%2)</translation>
    </message>
    <message>
        <source>%1 of %2 living groups have a fitting quiet room</source>
        <translation>%1 van %2 woongroepen hebben een geschikte stilteruimte</translation>
    </message>
    <message>
        <source>opening %1</source>
        <translation>opening %1</translation>
    </message>
    <message>
        <source>shaft %1 flight</source>
        <translation>trap van schacht %1</translation>
    </message>
    <message>
        <source>shaft %1 at %2</source>
        <translation>schacht %1 bij %2</translation>
    </message>
    <message>
        <source>&lt;= %1 m from a staff post of the group</source>
        <translation>&lt;= %1 m van een teampost van de groep</translation>
    </message>
    <message>
        <source>bedroom has no door inside the building</source>
        <translation>slaapkamer heeft geen deur binnen het gebouw</translation>
    </message>
    <message>
        <source>no walking route from any staff post to the door of this bedroom</source>
        <translation>geen looproute van een teampost naar de deur van deze slaapkamer</translation>
    </message>
    <message>
        <source>unreachable</source>
        <translation>onbereikbaar</translation>
    </message>
    <message>
        <source>walk from staff post %1 to the door of this bedroom (opening %2) is %3 m</source>
        <translation>looproute van teampost %1 naar de deur van deze slaapkamer (opening %2) is %3 m</translation>
    </message>
    <message>
        <source>group %1 has no staff post of its own; nearest post %2 is %3 m away</source>
        <translation>groep %1 heeft geen eigen teampost; de dichtstbijzijnde post %2 ligt op %3 m</translation>
    </message>
    <message>
        <source>longest walk from a staff post to a bedroom door</source>
        <translation>langste looproute van een teampost naar een slaapkamerdeur</translation>
    </message>
    <message>
        <source>longest dead end</source>
        <translation>langste doodlopende route</translation>
    </message>
    <message>
        <source>dead end: %1 m from the far end of %2 to where a second way out begins (%3)</source>
        <translation>doodlopend: %1 m van het verste punt van %2 tot waar een tweede vluchtweg begint (%3)</translation>
    </message>
    <message>
        <source>two independent ways out</source>
        <translation>twee onafhankelijke vluchtwegen</translation>
    </message>
    <message>
        <source>no way out of the building from this bedroom</source>
        <translation>geen weg naar buiten vanuit deze slaapkamer</translation>
    </message>
    <message>
        <source>%1: storey %2 has no door to the outside and no stair or lift with a &apos;shaft&apos; id joining it to another storey</source>
        <translation>%1: bouwlaag %2 heeft geen deur naar buiten en geen trap of lift met een &apos;shaft&apos;-id die haar met een andere bouwlaag verbindt</translation>
    </message>
    <message>
        <source>one element</source>
        <translation>één element</translation>
    </message>
    <message>
        <source>space %1</source>
        <translation>ruimte %1</translation>
    </message>
    <message>
        <source>one way out only: losing %1 cuts this bedroom off from every exit</source>
        <translation>maar één vluchtweg: zonder %1 is deze slaapkamer van elke uitgang afgesneden</translation>
    </message>
    <message>
        <source>one, through %1</source>
        <translation>één, via %1</translation>
    </message>
    <message>
        <source>%1 (not required by the rule set)</source>
        <translation>%1 (niet vereist door de regelset)</translation>
    </message>
    <message>
        <source>staff reach this bedroom only through %1</source>
        <translation>begeleiders bereiken deze slaapkamer alleen via %1</translation>
    </message>
    <message>
        <source>a route from the staff post through no other bedroom or bathroom</source>
        <translation>een route vanaf de teampost door geen andere slaapkamer of badkamer</translation>
    </message>
    <message>
        <source>through %1</source>
        <translation>via %1</translation>
    </message>
    <message>
        <source>the way to the group&apos;s living room %1 crosses another group&apos;s %2</source>
        <translation>de weg naar woonkamer %1 van de groep loopt door %2 van een andere groep</translation>
    </message>
    <message>
        <source>a route within group %1</source>
        <translation>een route binnen groep %1</translation>
    </message>
    <message>
        <source>the plan has bedrooms but no staff post: the walk from the staff cannot be measured</source>
        <translation>de plattegrond heeft slaapkamers maar geen teampost: de looproute van de begeleiders is niet te meten</translation>
    </message>
    <message>
        <source>a staff post per group</source>
        <translation>een teampost per groep</translation>
    </message>
    <message>
        <source>no staff post in the plan</source>
        <translation>geen teampost in de plattegrond</translation>
    </message>
    <message>
        <source>longest walk from a staff post to a bedroom door %1</source>
        <translation>langste looproute van een teampost naar een slaapkamerdeur %1</translation>
    </message>
    <message>
        <source>not measurable</source>
        <translation>niet te meten</translation>
    </message>
    <message>
        <source>longest dead end %1 m</source>
        <translation>langste doodlopende route %1 m</translation>
    </message>
    <message>
        <source>%1 of %2 bedrooms with two ways out</source>
        <translation>%1 van %2 slaapkamers met twee vluchtwegen</translation>
    </message>
    <message>
        <source>%1 reached only through a bedroom or bathroom</source>
        <translation>%1 alleen bereikbaar via een slaapkamer of badkamer</translation>
    </message>
    <message>
        <source>every bedroom reached from a staff post (%1 not reached)</source>
        <translation>elke slaapkamer bereikbaar vanaf een teampost (%1 niet bereikbaar)</translation>
    </message>
    <message>
        <source>two ways out from every bedroom (%1 of %2 have them)</source>
        <translation>twee vluchtwegen vanuit elke slaapkamer (%1 van %2 hebben ze)</translation>
    </message>
    <message>
        <source>staff reach every bedroom through no other bedroom or bathroom (%1 not)</source>
        <translation>het team bereikt elke slaapkamer zonder door een andere slaapkamer of badkamer te gaan (%1 niet)</translation>
    </message>
    <message>
        <source>dead end &lt;= %1 m (%2 m)</source>
        <translation>doodlopende route &lt;= %1 m (%2 m)</translation>
    </message>
    <message>
        <source>no sanitary opens off it</source>
        <translation>geen sanitair komt erop uit</translation>
    </message>
    <message>
        <source>own sanitary %1 lacks a shower</source>
        <translation>eigen sanitair %1 mist een douche</translation>
    </message>
    <message>
        <source>own sanitary %1 lacks a wc</source>
        <translation>eigen sanitair %1 mist een wc</translation>
    </message>
    <message>
        <source>no kitchen opens off it</source>
        <translation>geen keuken komt erop uit</translation>
    </message>
    <message>
        <source>kitchen %1 also opens onto %2</source>
        <translation>keuken %1 komt ook uit op %2</translation>
    </message>
    <message>
        <source>own sanitary and own kitchenette, opening onto this bedroom only</source>
        <translation>eigen sanitair en eigen kitchenette, alleen uitkomend op deze slaapkamer</translation>
    </message>
    <message>
        <source>neither</source>
        <translation>geen van beide</translation>
    </message>
    <message>
        <source>no own sanitary</source>
        <translation>geen eigen sanitair</translation>
    </message>
    <message>
        <source>no own kitchenette</source>
        <translation>geen eigen kitchenette</translation>
    </message>
    <message>
        <source>%1 of %2 bedrooms are self-contained (own sanitary and kitchenette)</source>
        <translation>%1 van %2 slaapkamers zijn zelfstandig (eigen sanitair en kitchenette)</translation>
    </message>
    <message>
        <source>the building</source>
        <translation>het gebouw</translation>
    </message>
    <message>
        <source>group %1</source>
        <translation>groep %1</translation>
    </message>
    <message>
        <source>lies outside the walkable space of storey</source>
        <translation>ligt buiten de beloopbare ruimte van bouwlaag</translation>
    </message>
    <message>
        <source>lies %1 m inside a wall: taken from the nearest wall face</source>
        <translation>ligt %1 m in een wand: genomen vanaf het dichtstbijzijnde wandvlak</translation>
    </message>
    <message>
        <source>stands on a wall face</source>
        <translation>staat op een wandvlak</translation>
    </message>
    <message>
        <source>cannot be placed in the walkable space</source>
        <translation>kan niet in de beloopbare ruimte worden geplaatst</translation>
    </message>
    <message>
        <source>stands on a wall corner: moved 1 mm into the room</source>
        <translation>staat op een wandhoek: 1 mm de ruimte in geschoven</translation>
    </message>
    <message>
        <source>no living group has a shared space (living, dining, kitchen, corridor, hall, activity)</source>
        <translation>geen woongroep heeft een gemeenschappelijke ruimte (woonkamer, eetruimte, keuken, gang, hal, activiteitenruimte)</translation>
    </message>
    <message>
        <source>the plan has no shared space (living, dining, kitchen, corridor, hall, activity)</source>
        <translation>de plattegrond heeft geen gemeenschappelijke ruimte (woonkamer, eetruimte, keuken, gang, hal, activiteitenruimte)</translation>
    </message>
    <message>
        <source>staff post %1 %2</source>
        <translation>teampost %1 %2</translation>
    </message>
    <message>
        <source>staff post %1 %2 %3: it sees nothing</source>
        <translation>teampost %1 %2 %3: ziet niets</translation>
    </message>
    <message>
        <source>inside a space</source>
        <translation>binnen een ruimte</translation>
    </message>
    <message>
        <source>outside</source>
        <translation>buiten</translation>
    </message>
    <message>
        <source>visible from %1</source>
        <translation>zichtbaar vanaf %1</translation>
    </message>
    <message>
        <source>visible from a staff post of %1 on storey %2</source>
        <translation>zichtbaar vanaf een teampost van %1 op bouwlaag %2</translation>
    </message>
    <message>
        <source>%1 visible</source>
        <translation>%1 zichtbaar</translation>
    </message>
    <message>
        <source>%1 m2 of %2 (%3 of %4 m2) is not visible from any staff post of %5</source>
        <translation>%1 m2 van %2 (%3 van %4 m2) is vanaf geen enkele teampost van %5 zichtbaar</translation>
    </message>
    <message>
        <source>&gt;= %1 of the shared floor area visible</source>
        <translation>&gt;= %1 van het gemeenschappelijke vloeroppervlak zichtbaar</translation>
    </message>
    <message>
        <source>%1 of the shared floor area of %2 (%3 of %4 m2) is visible from its staff posts</source>
        <translation>%1 van het gemeenschappelijke vloeroppervlak van %2 (%3 van %4 m2) is zichtbaar vanaf de teamposten</translation>
    </message>
    <message>
        <source>%1 has %2 m2 of shared spaces but no staff post: nothing of it is watched</source>
        <translation>%1 heeft %2 m2 gemeenschappelijke ruimte maar geen teampost: er is geen zicht op</translation>
    </message>
    <message>
        <source>no staff post</source>
        <translation>geen teampost</translation>
    </message>
    <message>
        <source>seen from a staff post of %1</source>
        <translation>zichtbaar vanaf een teampost van %1</translation>
    </message>
    <message>
        <source>not seen</source>
        <translation>niet zichtbaar</translation>
    </message>
    <message>
        <source>the door of bedroom %1 (%2) is not visible from any staff post of %3 on storey %4</source>
        <translation>de deur van slaapkamer %1 (%2) is vanaf geen enkele teampost van %3 op bouwlaag %4 zichtbaar</translation>
    </message>
    <message>
        <source>worst: %1, %2 of its shared floor area visible</source>
        <translation>slechtst: %1, %2 van het gemeenschappelijke vloeroppervlak zichtbaar</translation>
    </message>
    <message>
        <source>%1 of %2 bedroom doors seen (needed %3 %)</source>
        <translation>%1 van %2 slaapkamerdeuren zichtbaar (nodig %3 %)</translation>
    </message>
    <message>
        <source>places</source>
        <translation>plaatsen</translation>
    </message>
    <message>
        <source>%1 bedrooms in the plan</source>
        <translation>%1 slaapkamers in de plattegrond</translation>
    </message>
    <message>
        <source>the site&apos;s registered places differ from the bedrooms in its plan</source>
        <translation>de geregistreerde plaatsen van de locatie wijken af van de slaapkamers in haar plattegrond</translation>
    </message>
    <message>
        <source>%1 (bedrooms in the plan)</source>
        <translation>%1 (slaapkamers in de plattegrond)</translation>
    </message>
    <message>
        <source>%1 (places attribute)</source>
        <translation>%1 (attribuut places)</translation>
    </message>
    <message>
        <source>%1 places registered for the site (its plan has no bedrooms)</source>
        <translation>%1 plaatsen geregistreerd voor de locatie (haar plattegrond heeft geen slaapkamers)</translation>
    </message>
    <message>
        <source>%1 places registered for the site (no plan)</source>
        <translation>%1 plaatsen geregistreerd voor de locatie (geen plattegrond)</translation>
    </message>
    <message>
        <source>no bedrooms: not a residential building</source>
        <translation>geen slaapkamers: geen woongebouw</translation>
    </message>
    <message>
        <source>no plan and no &apos;places&apos; for this site</source>
        <translation>geen plattegrond en geen &apos;places&apos; voor deze locatie</translation>
    </message>
    <message>
        <source>more residents than a VG7 site can sustain</source>
        <translation>meer bewoners dan een VG7-locatie kan dragen</translation>
    </message>
    <message>
        <source>larger than the VG7 sites in the sources</source>
        <translation>groter dan de VG7-locaties in de bronnen</translation>
    </message>
    <message>
        <source>%1 places</source>
        <translation>%1 plaatsen</translation>
    </message>
    <message>
        <source>build an en-suite into bedroom %1</source>
        <translation>bouw eigen sanitair in slaapkamer %1</translation>
    </message>
    <message>
        <source>en-suite to build</source>
        <translation>eigen sanitair te bouwen</translation>
    </message>
    <message>
        <source>bedroom %1 is too small for an en-suite and has no small neighbour left to join: it gives up its place</source>
        <translation>slaapkamer %1 is te klein voor eigen sanitair en heeft geen kleine buurkamer meer om mee samen te voegen: de plaats vervalt</translation>
    </message>
    <message>
        <source>&gt;= %1 alone or with a neighbour</source>
        <translation>&gt;= %1 alleen of met een buurkamer</translation>
    </message>
    <message>
        <source>join bedrooms %1 and %2 through their door into one room with an en-suite</source>
        <translation>voeg slaapkamers %1 en %2 via hun tussendeur samen tot één kamer met eigen sanitair</translation>
    </message>
    <message>
        <source>remove the wall between bedrooms %1 and %2 (%3 m) and build one room with an en-suite</source>
        <translation>verwijder de wand tussen slaapkamers %1 en %2 (%3 m) en bouw één kamer met eigen sanitair</translation>
    </message>
    <message>
        <source>wall to remove</source>
        <translation>te verwijderen wand</translation>
    </message>
    <message>
        <source>group %1 would hold %2 places; it keeps %3</source>
        <translation>groep %1 zou %2 plaatsen hebben; ze houdt er %3</translation>
    </message>
    <message>
        <source>&lt;= %1 places</source>
        <translation>&lt;= %1 plaatsen</translation>
    </message>
    <message>
        <source>the site would hold %1 places; it keeps %2</source>
        <translation>de locatie zou %1 plaatsen hebben; ze houdt er %2</translation>
    </message>
    <message>
        <source>rooms</source>
        <translation>kamers</translation>
    </message>
    <message>
        <source>pairs</source>
        <translation>paren</translation>
    </message>
    <message>
        <source>%1 places now -&gt; %2 after conversion (%3 with an en-suite, %4 to get one, %5 pairs joined, %6 rooms given up)</source>
        <translation>%1 plaatsen nu -&gt; %2 na ombouw (%3 met eigen sanitair, %4 krijgen het, %5 paren samengevoegd, %6 kamers vervallen)</translation>
    </message>
    <message>
        <source>groups</source>
        <translation>groepen</translation>
    </message>
    <message>
        <source>estimated</source>
        <translation>geschat</translation>
    </message>
    <message>
        <source>exact: every partition of each group of connected sites into complete-linkage clusters (dynamic programme over subsets)</source>
        <translation>exact: elke verdeling van elke groep verbonden locaties in clusters met volledige koppeling (dynamisch programma over deelverzamelingen)</translation>
    </message>
    <message>
        <source>heuristic for groups of more than %1 connected sites (greedy complete-linkage merging); exact for the others</source>
        <translation>heuristisch voor groepen van meer dan %1 verbonden locaties (gulzig samenvoegen met volledige koppeling); exact voor de andere</translation>
    </message>
    <message>
        <source>%1: places unknown, counted as %2 (the per-site maximum)</source>
        <translation>%1: plaatsen onbekend, geteld als %2 (het maximum per locatie)</translation>
    </message>
    <message>
        <source>%1: %2 places, counted as %3 (the per-site maximum)</source>
        <translation>%1: %2 plaatsen, geteld als %3 (het maximum per locatie)</translation>
    </message>
    <message>
        <source>no floor plan for this site</source>
        <translation>geen plattegrond voor deze locatie</translation>
    </message>
    <message>
        <source>metres along the roads (driving, oneway followed)</source>
        <translation>meters over de weg (met de auto, eenrichtingsverkeer gevolgd)</translation>
    </message>
    <message>
        <source>some pairs estimated as straight line x 1.3</source>
        <translation>sommige paren geschat als hemelsbreed x 1.3</translation>
    </message>
    <message>
        <source>estimated: straight line x 1.3 (no roads layer)</source>
        <translation>geschat: hemelsbreed x 1.3 (geen wegenlaag)</translation>
    </message>
    <message>
        <source>site rule: not run on a plan alone</source>
        <translation>locatieregel: niet uitgevoerd op alleen een plattegrond</translation>
    </message>
    <message>
        <source>must-include fixes every site</source>
        <translation>de verplichte locaties leggen elke locatie vast</translation>
    </message>
    <message>
        <source>branch and bound on the worst-served demand point (a better set must serve it closer), greedy + interchange start</source>
        <translation>branch-and-bound op het slechtst bediende vraagpunt (een betere set moet het dichterbij bedienen), start met gulzig kiezen en uitwisselen</translation>
    </message>
    <message>
        <source>branch and bound with a Lagrangian lower bound at every node (subgradient, reduced-cost fixing), greedy + fast interchange start</source>
        <translation>branch-and-bound met een Lagrange-ondergrens in elke knoop (subgradiënt, vastleggen op gereduceerde kosten), start met gulzig kiezen en snel uitwisselen</translation>
    </message>
    <message>
        <source>coverage solved as uncovered weight</source>
        <translation>dekking opgelost als onbediend gewicht</translation>
    </message>
    <message>
        <source>best_post</source>
        <translation>beste teampost</translation>
    </message>
    <message>
        <source>(%1, %2) on storey %3</source>
        <translation>(%1; %2) op bouwlaag %3</translation>
    </message>
    <message>
        <source>the best post here would see %1 of the shared floor and %2 of %3 resident doors, at %4</source>
        <translation>de beste teampost hier zou %1 van de gemeenschappelijke vloer en %2 van %3 bewonersdeuren zien, bij %4</translation>
    </message>
    <message>
        <source>best single staff post for %1: sees %2 of its %3 m2 of shared floor and %4 of %5 resident doors (out of %6 candidates of the visibility decomposition)</source>
        <translation>beste enkele teampost voor %1: ziet %2 van de %3 m2 gemeenschappelijke vloer en %4 van %5 bewonersdeuren (uit %6 kandidaten van de zichtbaarheidsindeling)</translation>
    </message>
    <message>
        <source>best post of %1 would see</source>
        <translation>beste teampost van %1 zou zien</translation>
    </message>
    <message>
        <source>the best pair %1 and %2 of %3 doors</source>
        <translation>het beste paar %1 en %2 van %3 deuren</translation>
    </message>
    <message>
        <source>%1 visible together</source>
        <translation>%1 samen zichtbaar</translation>
    </message>
    <message>
        <source>best pair of staff posts for %1 (%2 of 2): together they see %3 of the shared floor and %4 of %5 resident doors; this one alone %6</source>
        <translation>beste paar teamposten voor %1 (%2 van 2): samen zien ze %3 van de gemeenschappelijke vloer en %4 van %5 bewonersdeuren; deze alleen %6</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>the plan has no staff post, so what staff of %1 see is unknown</source>
        <translation>de plattegrond heeft geen teampost, dus wat begeleiders van %1 zien is onbekend</translation>
    </message>
    <message>
        <source>no post can be placed</source>
        <translation>er kan geen teampost worden geplaatst</translation>
    </message>
    <message>
        <source>no staff post in the plan: what staff see is unknown</source>
        <translation>geen teampost in de plattegrond: wat begeleiders zien is onbekend</translation>
    </message>
    <message>
        <source>avg</source>
        <translation>AVG</translation>
    </message>
    <message>
        <source>crisis</source>
        <translation>crisisopvang</translation>
    </message>
    <message>
        <source>daycare</source>
        <translation>dagbesteding</translation>
    </message>
    <message>
        <source>gp</source>
        <translation>huisarts</translation>
    </message>
    <message>
        <source>hospital</source>
        <translation>ziekenhuis</translation>
    </message>
    <message>
        <source>nightlife</source>
        <translation>uitgaansgebied</translation>
    </message>
    <message>
        <source>pt_stop</source>
        <translation>ov-halte</translation>
    </message>
    <message>
        <source>school</source>
        <translation>school</translation>
    </message>
    <message>
        <source>shop</source>
        <translation>winkel</translation>
    </message>
    <message>
        <source>stadium</source>
        <translation>stadion</translation>
    </message>
    <message>
        <source>station</source>
        <translation>station</translation>
    </message>
    <message>
        <source>rule could not run</source>
        <translation>regel kon niet worden uitgevoerd</translation>
    </message>
    <message>
        <source>each demand point priced against its nearest candidates only (lists lengthened where the bound needs it)</source>
        <translation>elk vraagpunt alleen geprijsd tegen zijn dichtstbijzijnde kandidaten (lijsten verlengd waar de grens dat vraagt)</translation>
    </message>
    <message>
        <source>binary search on the radius; each radius checked by an exact set cover on a growing subset of the demand (relaxation, Chen &amp; Chen 2009), greedy + interchange start</source>
        <translation>binair zoeken op de straal; elke straal getoetst met een exacte overdekking van een groeiende deelverzameling van de vraagpunten (relaxatie, Chen &amp; Chen 2009), start met gulzig kiezen en uitwisselen</translation>
    </message>
    <message>
        <source>(%1, %2)</source>
        <translation>(%1; %2)</translation>
    </message>
    <message>
        <source>%1, %2 x %3 m</source>
        <translation>%1, %2 x %3 m</translation>
    </message>
    <message>
        <source>binary search on the radius; each radius checked by an exact set cover on a growing subset of the demand (relaxation, Chen &amp; Chen 2009), greedy + interchange start; each runner-up by the same search with the sets listed before it excluded</source>
        <translation>binair zoeken op de straal; elke straal getoetst met een exacte overdekking van een groeiende deelverzameling van de vraagpunten (relaxatie, Chen &amp; Chen 2009), start met gulzig kiezen en uitwisselen; elk alternatief met dezelfde zoektocht, de eerder genoemde verzamelingen uitgesloten</translation>
    </message>
    <message>
        <source>scanned now with rule set %1</source>
        <translation>nu gescand met regelset %1</translation>
    </message>
    <message>
        <source>metres as the crow flies</source>
        <translation>meters hemelsbreed</translation>
    </message>
    <message>
        <source>%1 pairs ESTIMATED as straight line x %2</source>
        <translation>%1 paren GESCHAT als rechte lijn x %2</translation>
    </message>
    <message>
        <source>%1 (%2): no VG7 places known, left out</source>
        <translation>%1 (%2): geen VG7-plaatsen bekend, weggelaten</translation>
    </message>
    <message>
        <source>%1 (ambulant): no places known, left out</source>
        <translation>%1 (ambulant): geen plaatsen bekend, weggelaten</translation>
    </message>
    <message>
        <source>complete enumeration of the location sets of each kind in index order, pruned by a lower bound (each demand point&apos;s distance to the nearest location chosen or still choosable) and by capacity; %1 nodes; the lists (%2 VG7 and %3 ambulant sets) are complete for every plan up to the last runner-up</source>
        <translation>volledige opsomming van de verzamelingen plekken van elke soort in volgorde, gesnoeid met een ondergrens (de afstand van elk vraagpunt tot de dichtstbijzijnde gekozen of nog te kiezen plek) en met de capaciteit; %1 knopen; de lijsten (%2 VG7- en %3 ambulante verzamelingen) zijn volledig voor elk plan tot en met het laatste volgende beste plan</translation>
    </message>
    <message>
        <source>branch and bound per kind with a Lagrangian lower bound at every node (core/select&apos;s p-median: subgradient, reduced-cost fixing), the need as a capacity constraint (cut when the places open and the largest free cannot hold it; bound with it kept) and the separation in the branching; %1 nodes; the lists (%2 VG7 and %3 ambulant sets) are complete for every plan up to the last runner-up</source>
        <translation>branch and bound per soort met een Lagrange-ondergrens in elke knoop (de p-mediaan van core/select: subgradiënt, vastleggen op gereduceerde kosten), de behoefte als capaciteitsvoorwaarde (afgekapt als de open plaatsen en de grootste vrije haar niet kunnen dragen; de grens met de voorwaarde erbij) en de spreiding in het vertakken; %1 knopen; de lijsten (%2 VG7- en %3 ambulante verzamelingen) zijn volledig voor elk plan tot en met het laatste volgende beste plan</translation>
    </message>
    <message>
        <source>the need of %1 %2 places</source>
        <translation>de behoefte van %1 %2-plaatsen</translation>
    </message>
    <message>
        <source>the minimum separation of %1 km</source>
        <translation>de minimale onderlinge afstand van %1 km</translation>
    </message>
    <message>
        <source>the per-site and per-cluster caps on places</source>
        <translation>de maxima aan plaatsen per locatie en per cluster</translation>
    </message>
    <message>
        <source>not tried: at most %1 locations of a kind</source>
        <translation>niet geprobeerd: hoogstens %1 plekken van een soort</translation>
    </message>
    <message>
        <source>not tried: no further %1 candidate</source>
        <translation>niet geprobeerd: geen verdere %1-kandidaat</translation>
    </message>
    <message>
        <source>each location used for one kind only</source>
        <translation>elke plek voor één soort alleen</translation>
    </message>
    <message>
        <source>1 place</source>
        <translation>1 plaats</translation>
    </message>
    <message>
        <source>1 %1 location</source>
        <translation>1 %1-plek</translation>
    </message>
    <message>
        <source>%1 %2 locations</source>
        <translation>%1 %2-plekken</translation>
    </message>
    <message>
        <source>there is no %1 candidate location</source>
        <translation>er is geen %1-kandidaat-plek</translation>
    </message>
    <message>
        <source>there is 1 %1 candidate location (%2)</source>
        <translation>er is 1 %1-kandidaat-plek (%2)</translation>
    </message>
    <message>
        <source>there are %1 %2 candidate locations (%3)</source>
        <translation>er zijn %1 %2-kandidaat-plekken (%3)</translation>
    </message>
    <message>
        <source>k-%1 = %2 but %3</source>
        <translation>k-%1 = %2 maar %3</translation>
    </message>
    <message>
        <source>%1 holds at most %2 (%3)</source>
        <translation>%1 biedt hoogstens %2 (%3)</translation>
    </message>
    <message>
        <source>%1 at least %2 km apart hold at most %3 (%4)</source>
        <translation>%1 op minstens %2 km van elkaar bieden hoogstens %3 (%4)</translation>
    </message>
    <message>
        <source>%1 hold at most %2 (%3)</source>
        <translation>%1 bieden hoogstens %2 (%3)</translation>
    </message>
    <message>
        <source>lower --need-%1, raise --k-%1, lower --min-separation or add candidate locations</source>
        <translation>verlaag --need-%1, verhoog --k-%1, verlaag --min-separation of voeg kandidaat-plekken toe</translation>
    </message>
    <message>
        <source>lower --need-%1, raise --k-%1 or add candidate locations</source>
        <translation>verlaag --need-%1, verhoog --k-%1 of voeg kandidaat-plekken toe</translation>
    </message>
    <message>
        <source>no plan meets both needs with each location used for one kind only (the locations that could serve both kinds are needed by both)</source>
        <translation>geen plan voldoet aan beide behoeften met elke plek voor één soort alleen (de plekken die beide soorten kunnen dienen, zijn voor beide nodig)</translation>
    </message>
    <message>
        <source>estimated: metres as the crow flies</source>
        <translation>geschat: meters hemelsbreed</translation>
    </message>
    <message>
        <source>metres along the roads (walking, one search per candidate)</source>
        <translation>meters over de weg (lopend, één zoektocht per kandidaat)</translation>
    </message>
    <message>
        <source>metres along the roads (driving, oneway followed, one search per candidate)</source>
        <translation>meters over de weg (met de auto, eenrichtingsverkeer gevolgd, één zoektocht per kandidaat)</translation>
    </message>
    <message>
        <source>k-%1 = %2 cannot be met with locations at least %3 km apart</source>
        <translation>k-%1 = %2 is niet haalbaar met plekken op minstens %3 km van elkaar</translation>
    </message>
    <message>
        <source>no %1 are (the farthest pair, %2 and %3, is %4 km apart)</source>
        <translation>geen %1 liggen zo ver uiteen (het verste paar, %2 en %3, ligt %4 km uit elkaar)</translation>
    </message>
    <message>
        <source>no %1 are (the %2 farthest apart, %3 and %4, have their nearest two %5 km apart)</source>
        <translation>geen %1 liggen zo ver uiteen (van de %2 die het verst uiteen liggen, %3 en %4, liggen de dichtstbijzijnde twee %5 km uit elkaar)</translation>
    </message>
    <message>
        <source>%1: %2; lower --min-separation or --k-%3</source>
        <translation>%1: %2; verlaag --min-separation of --k-%3</translation>
    </message>
    <message>
        <source>need-%1 = %2 cannot be met: %3</source>
        <translation>need-%1 = %2 is niet haalbaar: %3</translation>
    </message>
    <message>
        <source>%1; %2</source>
        <translation>%1; %2</translation>
    </message>
    <message>
        <source>no plan found within the time limit of %1 s (the sets found of the two kinds all share a location): raise --time-limit</source>
        <translation>geen plan gevonden binnen de tijdslimiet van %1 s (de gevonden verzamelingen van de twee soorten delen alle een plek): verhoog --time-limit</translation>
    </message>
    <message>
        <source>branch and bound per kind with a Lagrangian lower bound at every node (core/select&apos;s p-median: subgradient, reduced-cost fixing), the need as a capacity constraint and the separation in the branching; %1 nodes; STOPPED at the time limit of %2 s (the plan and its relaxations): gap %3 between the best plan found and the proven lower bound; the lists (%4 VG7 and %5 ambulant sets) hold the sets found, so the runners-up are the next best plans found, not proven next best</source>
        <translation>branch and bound per soort met een Lagrange-ondergrens in elke knoop (de p-mediaan van core/select: subgradiënt, vastleggen op gereduceerde kosten), de behoefte als capaciteitsvoorwaarde en de spreiding in het vertakken; %1 knopen; GESTOPT bij de tijdslimiet van %2 s (het plan en zijn voorwaarden): verschil %3 tussen het beste gevonden plan en de bewezen ondergrens; de lijsten (%4 VG7- en %5 ambulante verzamelingen) bevatten de gevonden verzamelingen, dus de volgende beste plannen zijn de beste verder gevonden, niet bewezen de volgende beste</translation>
    </message>
    <message>
        <source>not tried: the time limit was reached</source>
        <translation>niet geprobeerd: de tijdslimiet was bereikt</translation>
    </message>
    <message>
        <source>not decided within the time limit (the best plan found without it: travel %1)</source>
        <translation>niet beslist binnen de tijdslimiet (het beste plan zonder deze voorwaarde dat gevonden is: reisafstand %1)</translation>
    </message>
</context>
<context>
    <name>select</name>
    <message>
        <source>Portfolio: %1, %2 candidates, %3 demand points</source>
        <translation>Portefeuille: %1, %2 kandidaten, %3 vraagpunten</translation>
    </message>
    <message>
        <source>Costs: %1</source>
        <translation>Kosten: %1</translation>
    </message>
    <message>
        <source>weighted sum of costs</source>
        <translation>gewogen som van de kosten</translation>
    </message>
    <message>
        <source>weight covered</source>
        <translation>gedekte weging</translation>
    </message>
    <message>
        <source>largest cost of a demand point</source>
        <translation>grootste kosten van een vraagpunt</translation>
    </message>
    <message>
        <source>Objective: %1, k = %2</source>
        <translation>Doel: %1, k = %2</translation>
    </message>
    <message>
        <source>, radius %1</source>
        <translation>, straal %1</translation>
    </message>
    <message>
        <source>, proven optimal</source>
        <translation>, bewezen optimaal</translation>
    </message>
    <message>
        <source>Chosen: %1</source>
        <translation>Gekozen: %1</translation>
    </message>
    <message>
        <source>Objective value: %1 (%2)</source>
        <translation>Doelwaarde: %1 (%2)</translation>
    </message>
    <message>
        <source>Mean weighted cost: %1</source>
        <translation>Gemiddelde gewogen kosten: %1</translation>
    </message>
    <message>
        <source>Method: %1</source>
        <translation>Methode: %1</translation>
    </message>
    <message>
        <source>Stopped at the time limit: best found %1, proven upper bound %2, gap %3 %</source>
        <translation>Gestopt bij de tijdslimiet: beste gevonden %1, bewezen bovengrens %2, verschil %3 %</translation>
    </message>
    <message>
        <source>Stopped at the time limit: best found %1, proven lower bound %2, gap %3 %</source>
        <translation>Gestopt bij de tijdslimiet: beste gevonden %1, bewezen ondergrens %2, verschil %3 %</translation>
    </message>
    <message>
        <source>site</source>
        <translation>locatie</translation>
    </message>
    <message>
        <source>demand</source>
        <translation>vraag</translation>
    </message>
    <message>
        <source>weight</source>
        <translation>weging</translation>
    </message>
    <message>
        <source>mean cost</source>
        <translation>gem. kosten</translation>
    </message>
    <message>
        <source>max cost</source>
        <translation>max. kosten</translation>
    </message>
    <message>
        <source>verdict</source>
        <translation>oordeel</translation>
    </message>
    <message>
        <source>name</source>
        <translation>naam</translation>
    </message>
    <message>
        <source>no demand point has this site as its nearest chosen site, so the objective is the same without it: fewer sites serve as well.</source>
        <translation>voor geen enkel vraagpunt is dit de dichtstbijzijnde gekozen locatie, dus de doelwaarde is zonder deze locatie dezelfde: minder locaties voldoen even goed.</translation>
    </message>
    <message>
        <source>Runners-up:</source>
        <translation>Volgende beste keuzes:</translation>
    </message>
    <message>
        <source>sites</source>
        <translation>locaties</translation>
    </message>
    <message>
        <source>objective value</source>
        <translation>doelwaarde</translation>
    </message>
    <message>
        <source>median</source>
        <translation>p-mediaan</translation>
    </message>
    <message>
        <source>coverage</source>
        <translation>maximale dekking</translation>
    </message>
    <message>
        <source>center</source>
        <translation>p-centrum</translation>
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
    <name>status, plural subject</name>
    <message>
        <source>pass</source>
        <translation>voldoen</translation>
    </message>
    <message>
        <source>fail</source>
        <translation>voldoen niet</translation>
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
    <message>
        <source>every pair within %1 m walking or %2 min driving</source>
        <translation>elk paar binnen %1 m lopen of %2 min rijden</translation>
    </message>
    <message>
        <source>every pair within %1 m walking</source>
        <translation>elk paar binnen %1 m lopen</translation>
    </message>
    <message>
        <source>Clusters (%1, at most %2 places; %3 sites took part</source>
        <translation>Clusters (%1, hoogstens %2 plaatsen; %3 locaties deden mee</translation>
    </message>
    <message>
        <source>Clusters (%1, at most %2 places; %3 site took part</source>
        <translation>Clusters (%1, hoogstens %2 plaatsen; %3 locatie deed mee</translation>
    </message>
    <message>
        <source>distances ESTIMATED as straight line x %1</source>
        <translation>afstanden GESCHAT als hemelsbreed x %1</translation>
    </message>
    <message>
        <source>none</source>
        <translation>geen</translation>
    </message>
    <message>
        <source>%1 places; night round %2 m, %3 min</source>
        <translation>%1 plaatsen; nachtronde %2 m, %3 min</translation>
    </message>
    <message>
        <source>over %1 min</source>
        <translation>boven %1 min</translation>
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
        <source>in no cluster:</source>
        <translation>in geen cluster:</translation>
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
