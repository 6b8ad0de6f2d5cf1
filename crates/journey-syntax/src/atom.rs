//! Names as atoms: every distinct identifier is stored once, in one
//! interner for the process, and an [`Atom`] is its 4-byte key. The
//! model's name tables, references and headers hold atoms, so comparing
//! and hashing a name is comparing a number, and looking a name up needs no
//! allocation.
//!
//! The interner only grows: a language server that sees a name being
//! typed letter by letter keeps each prefix, a few bytes per keystroke.

use lasso::{Spur, ThreadedRodeo};
use std::sync::OnceLock;

/// Hashed with FxHash, as the compiler's own interner: names are short
/// and come from the writer's files, not from an adversary over a
/// network.
type Interner = ThreadedRodeo<Spur, rustc_hash::FxBuildHasher>;

fn interner() -> &'static Interner {
    static INTERNER: OnceLock<Interner> = OnceLock::new();
    INTERNER.get_or_init(|| ThreadedRodeo::with_hasher(rustc_hash::FxBuildHasher))
}

/// An interned name.
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Atom(Spur);

impl Atom {
    /// The atom of `name`, interning it if it is new.
    pub fn intern(name: &str) -> Atom {
        Atom(interner().get_or_intern(name))
    }

    /// The atom of `name` if any name so spelled was interned: a name
    /// never interned names nothing.
    pub fn get(name: &str) -> Option<Atom> {
        interner().get(name).map(Atom)
    }

    pub fn as_str(self) -> &'static str {
        interner().resolve(&self.0)
    }
}

impl std::ops::Deref for Atom {
    type Target = str;

    fn deref(&self) -> &str {
        self.as_str()
    }
}

impl AsRef<str> for Atom {
    fn as_ref(&self) -> &str {
        self.as_str()
    }
}

impl std::borrow::Borrow<str> for Atom {
    fn borrow(&self) -> &str {
        self.as_str()
    }
}

impl std::fmt::Debug for Atom {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        std::fmt::Debug::fmt(self.as_str(), f)
    }
}

impl std::fmt::Display for Atom {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl PartialEq<str> for Atom {
    fn eq(&self, other: &str) -> bool {
        self.as_str() == other
    }
}

impl PartialEq<&str> for Atom {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

impl From<Atom> for String {
    fn from(s: Atom) -> String {
        s.as_str().to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_atom_per_spelling() {
        let a = Atom::intern("onboarding_call");
        assert_eq!(a, Atom::intern("onboarding_call"));
        assert_ne!(a, Atom::intern("onboarding_calls"));
        assert_eq!(a.as_str(), "onboarding_call");
        assert_eq!(Atom::get("onboarding_call"), Some(a));
        assert_eq!(Atom::get("never_written_anywhere_7f3a"), None);
    }
}
