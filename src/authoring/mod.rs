//! Tools for trainers writing scenarios: the starter file `composure new` writes.

pub mod starter;
