//! Text machinery for the messaging lints of journeyc.
//!
//! Everything here is a pure function of a string: no syntax trees, no
//! diagnostics. Positions are byte ranges into the text given, so a caller
//! that knows where the text came from (a string literal in a `.journey`
//! file) can point at exactly the words a finding is about.
//!
//! German and English are supported side by side: stop words, light
//! stemming, number formats (`9,99` and `9.99`), units and the German
//! forms of address (Du and Sie).

pub mod claims;
pub mod content;
pub mod lang;
pub mod length;
pub mod number;
pub mod register;
pub mod risky;
pub mod similarity;
pub mod stem;
pub mod stop;
pub mod terms;
pub mod token;
pub mod words;

pub use lang::{detect_language, Lang};
pub use token::{tokenize, Token, TokenKind};
