// The one main() of every test binary (Boost.Test, linked as its shared library).
#define BOOST_TEST_MODULE course
#include <boost/test/unit_test.hpp>
