# Arca as an extra tool for ../shared/bench/run-anchors.sh (sourced through EXTRA_TOOLS_FILE).
# Needs ARCA (the arca executable) in the environment; bench/run.sh builds it and sets it.
t_arca_init()    { "$ARCA" vault init "$1" --key-file "$RUN_DIR/arca.key" >/dev/null; }
t_arca_backup()  { "$ARCA" vault backup "$1" --key-file "$RUN_DIR/arca.key" "$2/data"; }
t_arca_restore() { "$ARCA" vault restore "$1" --key-file "$RUN_DIR/arca.key" latest "$2/data"; }
t_arca_restored_path() { echo "$1/data"; }
