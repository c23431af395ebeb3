//! Word documents built here.
