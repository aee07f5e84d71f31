#!/bin/sh
# Runs a script through run_e2e.sh, then reads its screenshots' QR codes the way a phone does:
# zbarimg WITHOUT --raw, so the text is decoded with the character set the code announces.
# Each "# qr-reads: NAME.png TEXT" line of the script names a screenshot and a text that must
# be read back exactly (accents, "€").
# Usage: qr_reads.sh KIOSK DATA_DIR SCRIPT SCREENSHOT_DIR
set -u
tag=qr_reads
. "$(dirname "$0")/check_lib.sh"
script=$3
shots=$4
run_script_or_stop "$1" "$2" "$3" "$4"
checks=$(sed -n 's/^# qr-reads: //p' "$script")
if [ -z "$checks" ]; then
  echo "$tag: $script has no '# qr-reads:' line"
  exit 2
fi
echo "$checks" | while read -r png text; do
  read_back=$(zbarimg --quiet "$shots/$png" 2>/dev/null)
  case "$read_back" in
    *"$text"*) echo "$tag: $png reads « $text »" ;;
    *) printf '%s: FAILED: %s does not read « %s »; it reads:\n%s\n' "$tag" "$png" "$text" \
         "$read_back"
       exit 1 ;;
  esac
done
