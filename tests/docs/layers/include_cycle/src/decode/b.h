#ifndef B_H
#define B_H
#include "decode/a.h"
#endif
