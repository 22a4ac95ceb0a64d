//! `sopan-serve` processes for the load generator and the fault tests: started on a free
//! loopback port, killed with SIGKILL, started again on the same port and database.

use std::io::{BufRead, BufReader};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// A running server process.
pub struct Server {
    program: String,
    args: Vec<String>,
    /// Its address (`127.0.0.1:PORT`).
    pub addr: String,
    child: Option<Child>,
}

/// A loopback port free now.
pub fn free_port() -> std::io::Result<u16> {
    let l = std::net::TcpListener::bind("127.0.0.1:0")?;
    Ok(l.local_addr()?.port())
}

impl Server {
    /// Starts `program` (the `sopan-serve` binary) on a free port with `args` (`--db`,
    /// `--root`, `--clock manual`, …) and waits until it listens.
    pub fn start(program: &str, args: &[&str]) -> Result<Server, String> {
        let port = free_port().map_err(|e| e.to_string())?;
        let mut server = Server {
            program: program.to_string(),
            args: args.iter().map(|a| a.to_string()).collect(),
            addr: format!("127.0.0.1:{port}"),
            child: None,
        };
        server.launch()?;
        Ok(server)
    }

    fn launch(&mut self) -> Result<(), String> {
        let mut child = Command::new(&self.program)
            .args(&self.args)
            .args(["--addr", &self.addr])
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .map_err(|e| format!("`{}`: {e}", self.program))?;
        let stderr = child.stderr.take().ok_or("no stderr")?;
        let mut lines = BufReader::new(stderr).lines();
        let deadline = Instant::now() + Duration::from_secs(60);
        let mut said = Vec::new();
        loop {
            match lines.next() {
                Some(Ok(line)) if line.contains("listening on") => break,
                Some(Ok(line)) => said.push(line),
                _ => {
                    let _ = child.kill();
                    let _ = child.wait();
                    return Err(format!("the server did not start: {}", said.join("\n")));
                }
            }
            if Instant::now() > deadline {
                let _ = child.kill();
                return Err("the server did not start in 60 s".into());
            }
        }
        // Its later messages (timers refused, …) go on to the test's stderr.
        std::thread::spawn(move || {
            for line in lines.map_while(Result::ok) {
                eprintln!("[server] {line}");
            }
        });
        self.child = Some(child);
        Ok(())
    }

    /// Kills the process with SIGKILL: no shutdown, no flush — a crash.
    pub fn kill(&mut self) {
        if let Some(mut c) = self.child.take() {
            let _ = c.kill();
            let _ = c.wait();
        }
    }

    /// Starts it again, same port, same database.
    pub fn restart(&mut self) -> Result<(), String> {
        self.kill();
        // The port is free again once the killed process is reaped; retry briefly.
        let deadline = Instant::now() + Duration::from_secs(10);
        loop {
            match self.launch() {
                Ok(()) => return Ok(()),
                Err(e) if Instant::now() > deadline => return Err(e),
                Err(_) => std::thread::sleep(Duration::from_millis(100)),
            }
        }
    }

    /// The process id, while it runs.
    pub fn pid(&self) -> Option<u32> {
        self.child.as_ref().map(Child::id)
    }

    /// Processor time the process has used, user and system, in seconds (Linux).
    pub fn cpu_seconds(&self) -> Option<f64> {
        let stat = std::fs::read_to_string(format!("/proc/{}/stat", self.pid()?)).ok()?;
        // Fields after the command name, which is in parentheses and may hold spaces.
        let rest = stat.rsplit_once(')')?.1;
        let fields: Vec<&str> = rest.split_whitespace().collect();
        let ticks: f64 =
            fields.get(11)?.parse::<f64>().ok()? + fields.get(12)?.parse::<f64>().ok()?;
        Some(ticks / 100.0)
    }

    /// Resident memory of the process, in bytes (Linux).
    pub fn rss_bytes(&self) -> Option<u64> {
        let status = std::fs::read_to_string(format!("/proc/{}/status", self.pid()?)).ok()?;
        let line = status.lines().find(|l| l.starts_with("VmRSS:"))?;
        let kb: u64 = line.split_whitespace().nth(1)?.parse().ok()?;
        Some(kb * 1024)
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        if let Some(mut c) = self.child.take() {
            let _ = c.kill();
            let _ = c.wait();
        }
    }
}
