#!/bin/sh
# The region's own data reaches a terminal: a France Travail offer and a region-funded LHEO
# training imported by eric-regional-server, served on loopback, synced by eric-kioskctl, then
# shown by the real kiosk under Xvfb (the offer, and the training that leads to it).
# Usage: imported_offer.sh SERVER CTL KIOSK SCRIPTS_DIR WORK_DIR SCREENSHOT_DIR
set -eu
tag=imported_offer
. "$(dirname "$0")/check_lib.sh"
server_wrapper_args "$@"
trap stop_server EXIT

cat >"$work/offres.json" <<'JSON'
{"resultats": [{"id": "E2E0001", "intitule": "Cuisinier de collectivité importé (H/F)",
  "description": "Vous préparez les repas d'une cantine scolaire.",
  "dateCreation": "2026-11-20T09:00:00+01:00",
  "lieuTravail": {"libelle": "13 - MARTIGUES", "codePostal": "13500"},
  "romeCode": "G1602", "appellationlibelle": "Cuisinier / Cuisinière",
  "entreprise": {"nom": "CANTINES DU PORT", "siret": "12345678900011"},
  "typeContrat": "CDD", "typeContratLibelle": "Contrat à durée déterminée - 12 Mois",
  "dureeTravailLibelle": "35H Horaires normaux", "salaire": {"libelle": "Horaire de 12.10 Euros"},
  "nombrePostes": 1}]}
JSON
cat >"$work/prf.xml" <<'XML'
<?xml version="1.0" encoding="UTF-8"?>
<lheo xmlns="http://www.lheo.org/2.2"><offres>
<formation numero="E2E-F1"><domaine-formation><code-ROME>G1602</code-ROME></domaine-formation>
<intitule-formation>Titre pro cuisinier importé</intitule-formation>
<objectif-formation>&lt;p&gt;Préparer les repas.&lt;/p&gt;</objectif-formation>
<organisme-formation-responsable><raison-sociale>Organisme du Port</raison-sociale></organisme-formation-responsable>
<action numero="E2E-A1"><nombre-heures-total>700</nombre-heures-total>
<lieu-de-formation><coordonnees><adresse><ligne>2 quai Brescon</ligne><codepostal>13500</codepostal>
<ville>Martigues</ville><code-INSEE-commune>13056</code-INSEE-commune></adresse></coordonnees></lieu-de-formation>
<organisme-financeur><code-financeur>2</code-financeur><nb-places-financees>12</nb-places-financees></organisme-financeur>
<session numero="S1"><periode><debut>20270111</debut><fin>20270625</fin></periode></session>
</action></formation>
</offres></lheo>
XML

echo "== regional server: reference catalog (no demo jobs), then the imports"
"$server" generate-demo --db "$work/region.db" --jobs 0 --today 2026-11-23 >/dev/null
"$server" import --db "$work/region.db" --today 2026-11-23 ft-offers "$work/offres.json"
"$server" import --db "$work/region.db" --today 2026-11-23 lheo "$work/prf.xml"
start_server "$work/region.db"

mkdir -p -m 700 "$work/kiosk"
code=$("$server" enroll-code --db "$work/region.db" --site eric-martigues)
"$ctl" --data-dir "$work/kiosk" enroll --server "$url" --code "$code"
"$ctl" --data-dir "$work/kiosk" sync
run_kiosk "$scripts/imported_offer.kiosk" --data-dir "$work/kiosk"
