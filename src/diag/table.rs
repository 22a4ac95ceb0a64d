//! The macro that turns the table of diagnostic kinds (`kinds.rs`) into the enum, its codes
//! and severities.

macro_rules! kinds {
    ($(
        $(#[$doc:meta])*
        $name:ident $({ $( $(#[$fdoc:meta])* $field:ident : $fty:ty ),* $(,)? })?
            = ($code:literal, $severity:ident)
    ),* $(,)?) => {
        /// What went wrong, with the data the message needs. Each variant has one stable code.
        #[derive(Debug, Clone, PartialEq, Eq)]
        pub enum Kind {
            $( $(#[$doc])* $name $({ $( $(#[$fdoc])* $field : $fty ),* })?, )*
        }

        impl Kind {
            /// The stable code of this kind.
            pub fn code(&self) -> &'static str {
                match self {
                    $( Kind::$name { .. } => $code, )*
                }
            }

            /// The severity of this kind.
            pub fn severity(&self) -> Severity {
                match self {
                    $( Kind::$name { .. } => Severity::$severity, )*
                }
            }
        }

        /// Every stable code, in the table's order, for documentation and for the test that
        /// each has a snapshot.
        pub const CODES: &[&str] = &[ $( $code, )* ];
    };
}
