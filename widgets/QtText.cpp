#include "QtText.h"
