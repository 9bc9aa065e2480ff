# Sourced by ./mvnw, ./linkwork and .ci/run (POSIX sh). Linkwork builds and runs on a JDK >= 21;
# on machines whose default java is older, pick the newest JDK >= 21 that is installed and
# export it as JAVA_HOME. Leaves a suitable JAVA_HOME alone.

linkwork_java_major() {
  # prints the feature version of the java binary given, e.g. 17 or 25
  "$1" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java\.specification\.version = \([0-9]*\).*/\1/p' | head -n 1
}

linkwork_pick_jdk() {
  if [ -n "${JAVA_HOME-}" ] && [ -x "$JAVA_HOME/bin/java" ]; then
    v=$(linkwork_java_major "$JAVA_HOME/bin/java")
    [ -n "$v" ] && [ "$v" -ge 21 ] && return 0
  fi
  if command -v java >/dev/null 2>&1; then
    v=$(linkwork_java_major java)
    if [ -n "$v" ] && [ "$v" -ge 21 ]; then
      JAVA_HOME=$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")
      export JAVA_HOME
      return 0
    fi
  fi
  best=""
  best_v=0
  # callers may run with globbing off (mvnw uses set -f)
  case $- in *f*) glob_was_off=1; set +f ;; *) glob_was_off=0 ;; esac
  for candidate in /usr/lib/jvm/* /opt/java/* /opt/jdk* "$HOME"/.sdkman/candidates/java/*; do
    [ -x "$candidate/bin/java" ] && [ -x "$candidate/bin/javac" ] || continue
    v=$(linkwork_java_major "$candidate/bin/java")
    if [ -n "$v" ] && [ "$v" -ge 21 ] && [ "$v" -gt "$best_v" ]; then
      best=$candidate
      best_v=$v
    fi
  done
  [ "$glob_was_off" = 1 ] && set -f
  if [ -n "$best" ]; then
    JAVA_HOME=$best
    export JAVA_HOME
    return 0
  fi
  echo "Linkwork needs a JDK 21 or newer and found none (JAVA_HOME, java on PATH, /usr/lib/jvm)." >&2
  echo "Install one, e.g. 'apt-get install openjdk-21-jdk-headless' or Temurin 21+, or set JAVA_HOME." >&2
  return 1
}
