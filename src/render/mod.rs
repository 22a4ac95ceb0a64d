//! Output for people and hosts, from the model and the machines: the official document
//! ([`doc`]), flowcharts ([`graph`]), plain data ([`export`]), JSON in the standard's zone
//! ([`zoned`]) and the audit of real cases ([`audit`]).

pub mod audit;
pub mod doc;
pub mod export;
pub mod graph;
pub mod zoned;
