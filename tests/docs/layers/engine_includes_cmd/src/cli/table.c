#include "cmd/foo/foo.h"
int table(void) { return foo(); }
