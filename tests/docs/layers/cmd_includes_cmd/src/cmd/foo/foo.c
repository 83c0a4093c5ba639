#include "cmd/bar/panel.h"
int foo(void) { return bar_panel(); }
