#!/bin/sh
# The unit tests and the production build of npm test, side by side: the tests wait on their servers and
# databases much of the time, the build keeps a core busy; together they take the longer one's time, not the
# sum. (The static checks run before them, alone: with all three at once on two cores, timing-sensitive unit
# tests — an IM server that answers too slowly — failed now and then.) The build's output is shown once both
# are done; the run fails if either fails.
log="${TMPDIR:-/tmp}/group-console-build.$$.log"
npm run --silent build >"$log" 2>&1 &
build=$!
npm run --silent test:unit
unit=$?
wait "$build"
built=$?
cat "$log"
rm -f "$log"
[ "$built" -eq 0 ] || echo "npm test: the build failed (exit $built)" >&2
[ "$unit" -eq 0 ] && [ "$built" -eq 0 ]
