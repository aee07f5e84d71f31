#!/bin/sh
# Under "Vous êtes toujours là ?" nothing of the visitor shows through, not even dimmed: the
# same script (idle_hides_personal.kiosk) runs for two visitors who typed different names and
# phones, and the two screenshots under the question must be the same picture. The UI probe
# alone cannot tell: it is the program's account of what it drew, the screenshot is what a
# passer-by sees.
# Usage: idle_hides_personal.sh KIOSK DATA_DIR SCRIPT SCREENSHOT_DIR
set -eu
tag=idle_hides_personal
. "$(dirname "$0")/check_lib.sh"
# run_script_or_stop sets kiosk, data, script and shots: the wrapper keeps its own names.
kiosk_bin=$1 work=$2 template=$3 shot_dir=$4
rm -rf "$work"
mkdir -p "$work" "$shot_dir"
for visitor in "Samia:06 12 34 56 78" "Karim:07 98 76 54 32"; do
  name=${visitor%%:*}
  phone=${visitor#*:}
  sed -e "s/@FIRST_NAME@/$name/g" -e "s/@PHONE@/$phone/g" \
      -e "s/@SHOT@/idle_hides_personal_$name.png/" "$template" >"$work/$name.kiosk"
  run_script_or_stop "$kiosk_bin" "$work/$name" "$work/$name.kiosk" "$shot_dir"
done
first="$shot_dir/idle_hides_personal_Samia.png"
second="$shot_dir/idle_hides_personal_Karim.png"
if ! cmp -s "$first" "$second"; then
  echo "$tag: what shows under the question differs with what the visitor typed"
  echo "$tag: compare $first and $second"
  exit 1
fi
echo "$tag: the screen under the question is the same for both visitors"
