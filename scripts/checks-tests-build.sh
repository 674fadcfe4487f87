#!/bin/sh
# Everything npm test does before the browser stories, side by side: the static checks (eslint, Prettier, tsc),
# the unit tests and the production build. The tests wait on their servers and databases much of the time and
# the others fill the cores meanwhile, so together they take little more than the longest. The static checks'
# and the build's output are shown once all are done; the run fails if any fails.
dir="${TMPDIR:-/tmp}/group-console-npm-test.$$"
mkdir -p "$dir"
sh scripts/static-checks.sh >"$dir/static.log" 2>&1 &
static=$!
npm run --silent build >"$dir/build.log" 2>&1 &
build=$!
npm run --silent test:unit
unit=$?
wait "$static"
checked=$?
wait "$build"
built=$?
cat "$dir/static.log" "$dir/build.log"
rm -rf "$dir"
[ "$checked" -eq 0 ] || echo "npm test: the static checks failed (exit $checked)" >&2
[ "$built" -eq 0 ] || echo "npm test: the build failed (exit $built)" >&2
[ "$unit" -eq 0 ] && [ "$checked" -eq 0 ] && [ "$built" -eq 0 ]
