#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# LOG_COMPILER under --enable-valgrind: run compiled tests under memcheck;
# shell tests get STACKPLAN_WRAP so they run the CLI under it too.
case "$1" in
*.sh) STACKPLAN_WRAP="valgrind -q --error-exitcode=99 --leak-check=full"
      export STACKPLAN_WRAP; exec "$@" ;;
*) exec valgrind -q --error-exitcode=99 --leak-check=full "$@" ;;
esac
