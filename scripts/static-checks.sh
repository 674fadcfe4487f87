#!/bin/sh
# The static checks of npm test: lint (eslint and Prettier) and the type check run side by side, since each
# keeps mostly one core busy; the run fails if either fails.
npm run --silent typecheck &
types=$!
npm run --silent lint
lint=$?
wait "$types"
types=$?
[ "$lint" -eq 0 ] && [ "$types" -eq 0 ]
