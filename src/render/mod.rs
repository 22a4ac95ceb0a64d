//! Output for people and hosts, from the model and the machines: the official document
//! ([`doc`]), flowcharts ([`graph`]) and plain data ([`export`]).

pub mod doc;
pub mod export;
pub mod graph;
