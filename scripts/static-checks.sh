#!/bin/sh
# The static checks of npm test, side by side: ESLint, Prettier and the type check each keep mostly one core
# busy; the run fails if any fails. (Import circles are the architecture unit test's: docs/architecture.md § Modules.)
npm run --silent typecheck &
types=$!
npx prettier --check . &
format=$!
npx eslint .
lint=$?
wait "$types"
types=$?
wait "$format"
format=$?
[ "$lint" -eq 0 ] && [ "$types" -eq 0 ] && [ "$format" -eq 0 ]
