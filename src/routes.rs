//! Every URL the site uses, in one place.
