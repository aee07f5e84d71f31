#!/bin/sh
# The layers of the architecture, checked on every include: a folder may include only the
# folders below it (README "Layout"), kiosk/core, kiosk/demo and sync/ never SDL nor ImGui,
# screens/ never SQLite nor libcurl. Prints each include that points the wrong way.
# Usage: layers_check.sh SOURCE_DIR
set -u
cd "$1" || exit 2
bad=0
# check FOLDER ALLOWED_PREFIXES...: project includes of FOLDER's files must start with one.
check() {
  folder=$1
  shift
  for file in $(find "$folder" -maxdepth 1 \( -name '*.cpp' -o -name '*.h' \)); do
    grep -n '^#include "' "$file" | while IFS= read -r line; do
      target=$(printf '%s' "$line" | sed 's/.*#include "\([^"]*\)".*/\1/')
      ok=0
      for prefix in "$@"; do
        case "$target" in "$prefix"*) ok=1 ;; esac
      done
      [ $ok -eq 1 ] || echo "$file:${line%%:*}: includes $target"
    done
  done
}
forbid() {  # forbid FOLDER PATTERN WHY
  grep -rnE "^#include <($2)" "$1" --include="*.cpp" --include="*.h" | sed "s|\$|  ($3)|"
}
report=$(
  core=kiosk/core
  check $core/base $core/base/
  check $core/storage $core/base/ $core/storage/
  check $core/domain $core/base/ $core/storage/ $core/domain/
  check $core/words $core/base/ $core/storage/ $core/domain/ $core/words/
  check kiosk/demo $core/base/ $core/storage/ kiosk/demo/
  check sync $core/ sync/
  check sync/server $core/ kiosk/cli/ kiosk/demo/ sync/
  check kiosk/ui $core/ kiosk/speech/ kiosk/ui/
  check kiosk/cli kiosk/cli/
  check kiosk/speech $core/ kiosk/speech/
  check kiosk/app $core/ kiosk/demo/ kiosk/cli/ kiosk/speech/ kiosk/ui/ kiosk/app/ sync/
  check screens $core/ kiosk/ui/ kiosk/app/ screens/
  for lower in kiosk/core kiosk/demo kiosk/speech sync; do forbid $lower 'SDL|imgui' "no display below kiosk/ui"; done
  forbid screens 'sqlite3|curl' "screens never touch SQL or HTTP"
)
if [ -n "$report" ]; then
  printf '%s\n' "$report"
  echo "layers: $(printf '%s\n' "$report" | wc -l) include(s) point the wrong way"
  exit 1
fi
echo "layers: every include points down"
