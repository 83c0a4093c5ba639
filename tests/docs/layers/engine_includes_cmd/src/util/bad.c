#include "cmd/foo/foo.h"
int bad(void) { return foo(); }
