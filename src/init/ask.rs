//! Asking on a terminal for what the flags of `hexaglot init` do not say.

use std::io::{BufRead, Write};

/// Something that answers questions: the terminal, or a test.
pub trait Ask {
    /// Asks `question`; an empty answer takes `default`.
    fn ask(&mut self, question: &str, default: &str) -> std::io::Result<String>;
}

/// Questions on standard error, answers from standard input.
pub struct Terminal;

impl Terminal {
    /// A terminal when both standard input and standard output are one.
    pub fn if_interactive() -> Option<Terminal> {
        use std::io::IsTerminal;
        (std::io::stdin().is_terminal() && std::io::stdout().is_terminal()).then_some(Terminal)
    }
}

impl Ask for Terminal {
    fn ask(&mut self, question: &str, default: &str) -> std::io::Result<String> {
        let mut err = std::io::stderr();
        if default.is_empty() {
            write!(err, "{question}: ")?;
        } else {
            write!(err, "{question} [{default}]: ")?;
        }
        err.flush()?;
        let mut line = String::new();
        std::io::stdin().lock().read_line(&mut line)?;
        let answer = line.trim();
        Ok(if answer.is_empty() {
            default.to_string()
        } else {
            answer.to_string()
        })
    }
}
