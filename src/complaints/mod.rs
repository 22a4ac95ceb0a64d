//! Complaints under a standard's policy: where one goes and when it is due ([`route`]), and
//! the complaint book and monthly report from a log ([`book`]).

pub mod book;
pub mod log;
pub mod route;
mod route_error;
