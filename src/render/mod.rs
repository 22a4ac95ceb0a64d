//! Output for people and hosts, from the model and the machines: the official document
//! ([`doc`]), flowcharts ([`graph`]), plain data ([`export`]) and JSON in the standard's zone ([`zoned`]).

pub mod doc;
pub mod export;
pub mod graph;
pub mod zoned;
