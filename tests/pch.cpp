// Carries the precompiled header (Eigen, Boost.Test) that every test target reuses.
