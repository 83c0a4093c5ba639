#include "cmd/bar/panel.h"
#include "cmd/bar/view.h"
int top(void) { return bar_panel() + bar_view(); }
