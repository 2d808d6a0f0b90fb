#ifndef WORKMIX_CLIBPQ_SHIM_H
#define WORKMIX_CLIBPQ_SHIM_H
#include <libpq-fe.h>
#endif
