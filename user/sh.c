/* SPDX-License-Identifier: GPL-2.0 */
/*
 * sh: the shell of dissect's console.  "sh" reads commands from stdin
 * ("$ " prompt on a terminal), "sh -c 'LINE'" runs LINE, "sh FILE" runs
 * FILE line by line; each exits with the status of the last pipeline run.
 *
 *	line:     pipeline [; pipeline]... [;] [# comment]
 *	pipeline: command [| command]...
 *	command:  words and redirections: [N]< F  [N]> F  [N]>> F  [N]>&M  [N]<&M
 *
 * N and M are single digits ("2> err", "2>&1", ">&2").  Words are split at
 * blanks; '...' quotes everything, "..." all but $ and \, a backslash the
 * next character.  $? (the last status), $$ (the shell's pid) and $NAME
 * (from the environment) are replaced by their values, inside "..." too;
 * no field splitting, no globbing.  Builtins: cd [DIR], pwd, exit [N].
 * Other names without '/' are looked up in $PATH (default /bin) and run
 * with fork + execve.  $? as in bash: 127 not found, 126 not executable,
 * 1 bad redirection, 2 syntax error, 128+N killed by signal N.
 *
 * Reading a terminal, the shell is interactive: it ignores SIGINT, SIGQUIT,
 * SIGTSTP, SIGTTIN and SIGTTOU and, if setpgid and tcsetpgrp work, runs
 * each pipeline in a process group of its own that it makes the terminal's
 * foreground group, so Ctrl-C kills the job, not the shell.  No fg/bg: a
 * job stopped by Ctrl-Z is made to continue.  A pipe on stdin is read a
 * byte at a time, leaving the lines after a command to the command.
 */
#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#define LINE_SIZE	4096		/* longest line, with its NUL */
#define POOL_SIZE	(2 * LINE_SIZE)	/* the words of one line: always enough */
#define EXP_SIZE	(4 * LINE_SIZE)	/* the words of one pipeline, expanded */
#define MAX_CMDS	64		/* commands in one line */
#define MAX_ARGS	64		/* words in one command */
#define MAX_REDIRS	8		/* redirections of one command */
#define NO_SAVE		(-2)		/* save[fd]: fd was not redirected */
#define VAR_START	'\001'		/* $NAME is VAR_START NAME VAR_END in */
#define VAR_END		'\002'		/* a word until the pipeline runs */
#define ARRAY_SIZE(a)	(sizeof(a) / sizeof((a)[0]))

enum redir_mode { R_IN, R_OUT, R_APPEND, R_DUP };

struct redir {
	int fd;				/* the N of N>, N<, N>&M */
	enum redir_mode mode;
	int dupfd;			/* R_DUP: the M */
	char *file;			/* the others: the word after */
};

struct cmd {
	int argc, nredir;
	int piped;			/* a '|' follows: the next command reads it */
	char *argv[MAX_ARGS + 1];
	struct redir redir[MAX_REDIRS];
};

typedef int builtin_fn(int argc, char **argv);

extern char **environ;

static struct cmd cmds[MAX_CMDS];	/* the line's commands, in order */
static int ncmds;
static char pool[POOL_SIZE], exp_pool[EXP_SIZE];
static int pool_used, exp_used;
static int last_status;			/* $? */
static int interactive;			/* commands come from a terminal */
static int job_control;			/* and the terminal is ours to hand out */
static pid_t shell_pgid;
static const int job_signals[] = { SIGINT, SIGQUIT, SIGTSTP, SIGTTIN, SIGTTOU };

/* Print "sh: MESSAGE" on stderr; -1. */
static int err(const char *fmt, ...)
{
	char buf[512];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	dprintf(2, "sh: %s\n", buf);
	return -1;
}

/* ---- parser: a line into cmds[], their words into pool[] ---- */

/* Append @c to the pool (POOL_SIZE is enough for any line). */
static void put(char c)
{
	pool[pool_used++] = c;
}

/* Mark the variable whose name starts at @s; returns its last character. */
static const char *lex_var(const char *s)
{
	put(VAR_START);
	put(*s);
	while (*s != '?' && *s != '$' && (isalnum((unsigned char)s[1]) || s[1] == '_'))
		put(*++s);
	put(VAR_END);
	return s;
}

/* Copy the word at @s, unquoted, into the pool; its end, or NULL on error. */
static const char *lex_word(const char *s)
{
	char quote = 0;

	for (;; s++) {
		char c = *s;

		if (c == '\0' && quote) {
			err("syntax error: unterminated %c", quote);
			return NULL;
		}
		if (c == '\0')
			break;
		if (c == VAR_START || c == VAR_END)
			continue;			/* ours: never in a word */
		if (quote == '\'' && c == '\'') {
			quote = 0;
		} else if (quote == '\'') {
			put(c);
		} else if (c == '\\') {
			if (s[1] == '\0')
				continue;		/* no line continuation */
			if (quote == '"' && !strchr("\"\\$", s[1]))
				put(c);
			else
				put(*++s);
		} else if (c == '$' && (s[1] == '?' || s[1] == '$' || s[1] == '_' ||
				      isalpha((unsigned char)s[1]))) {
			s = lex_var(s + 1);
		} else if (quote == '"' && c == '"') {
			quote = 0;
		} else if (quote == '"') {
			put(c);
		} else if (c == '\'' || c == '"') {
			quote = c;
		} else if (strchr(" \t\r\n|;<>&", c)) {
			break;
		} else {
			put(c);
		}
	}
	put('\0');
	return s;
}

/* Read the redirection operator at @s into @r; its end, or NULL on error. */
static const char *lex_redir(const char *s, struct redir *r)
{
	const char *start = s;

	r->fd = isdigit((unsigned char)*s) ? *s++ - '0' : (*s == '<' ? 0 : 1);
	r->mode = *s == '<' ? R_IN : R_OUT;
	if (s[0] == '>' && s[1] == '>')
		r->mode = R_APPEND, s++;
	if (*++s == '&' && r->mode != R_APPEND) {
		r->mode = R_DUP;
		r->dupfd = s[1] - '0';
		s += 2;
		if (!isdigit((unsigned char)s[-1]) || isdigit((unsigned char)*s)) {
			err("syntax error near %.*s", (int)(s - start), start);
			return NULL;
		}
	}
	return s;
}

/* Does a redirection operator start at @s? */
static int is_redir(const char *s)
{
	return *s == '<' || *s == '>' ||
	       (isdigit((unsigned char)*s) && (s[1] == '<' || s[1] == '>'));
}

/* Complain about the token at @s; -1. */
static int syntax_error(const char *s)
{
	if (*s == '\0' || *s == '#')
		return err("syntax error near newline");
	return err("syntax error near %c", *s);
}

/*
 * Parse the line @s into cmds[]; 0, or -1 after saying why not: a line
 * runs whole or not at all.
 */
static int parse_line(const char *s)
{
	struct cmd *c = cmds;
	struct redir *r;

	ncmds = pool_used = 0;
	c->argc = c->nredir = 0;
	for (;;) {
		while (*s == ' ' || *s == '\t' || *s == '\r')
			s++;
		if (!*s || *s == '#' || *s == '|' || *s == ';') {
			if (c->argc || c->nredir) {		/* end of a command */
				c->argv[c->argc] = NULL;
				c->piped = *s == '|';
				if (++ncmds == MAX_CMDS)
					return err("too many commands");
				c++;
				c->argc = c->nredir = 0;
			} else if (*s == '|' || *s == ';' || (ncmds && c[-1].piped)) {
				return syntax_error(s);	/* "| a", "a;;", "a |" */
			}
			if (!*s || *s == '#')
				return 0;
			s++;
			continue;
		}
		if (*s == '&')
			return syntax_error(s);		/* no background jobs */
		if (is_redir(s)) {
			if (c->nredir == MAX_REDIRS)
				return err("too many redirections");
			r = &c->redir[c->nredir++];
			s = lex_redir(s, r);
			if (!s)
				return -1;
			if (r->mode == R_DUP)
				continue;
			while (*s == ' ' || *s == '\t')
				s++;
			if (!*s || strchr("#|;<>&", *s))
				return syntax_error(s);	/* "a >", "a > | b" */
			r->file = pool + pool_used;
		} else {
			if (c->argc == MAX_ARGS)
				return err("too many arguments");
			c->argv[c->argc++] = pool + pool_used;
		}
		s = lex_word(s);
		if (!s)
			return -1;
	}
}

/* ---- executor ---- */

/* The value of the variable @name (@len bytes long): "" if unset. */
static const char *getvar(const char *name, size_t len)
{
	static char num[16];

	if (len == 1 && (*name == '?' || *name == '$')) {
		snprintf(num, sizeof(num), "%d", *name == '?' ? last_status : getpid());
		return num;
	}
	for (char **e = environ; *e; e++)
		if (strncmp(*e, name, len) == 0 && (*e)[len] == '=')
			return *e + len + 1;
	return "";
}

/* Replace the variables in the word at *@w; 0, or -1 if exp_pool is full. */
static int expand(char **w)
{
	char *out = exp_pool + exp_used;
	size_t room = EXP_SIZE - exp_used, n = 0;

	for (const char *s = *w, *next; *s; s = next) {
		const char *val = s;
		size_t len = 1;

		next = s + 1;
		if (*s == VAR_START) {
			next = strchr(s, VAR_END);
			val = getvar(s + 1, next++ - s - 1);
			len = strlen(val);
		}
		if (n + len >= room)
			return err("words too long");
		memcpy(out + n, val, len);
		n += len;
	}
	out[n] = '\0';
	exp_used += n + 1;
	*w = out;
	return 0;
}

/* Expand every word of @c in place; 0, or -1 if they do not fit. */
static int expand_cmd(struct cmd *c)
{
	for (int i = 0; i < c->argc; i++)
		if (expand(&c->argv[i]) < 0)
			return -1;
	for (int i = 0; i < c->nredir; i++)
		if (c->redir[i].mode != R_DUP && expand(&c->redir[i].file) < 0)
			return -1;
	return 0;
}

/* cd [DIR]: go to DIR, else $HOME, else /. */
static int sh_cd(int argc, char **argv)
{
	const char *dir = argc > 1 ? argv[1] : getenv("HOME");

	if (!dir || !*dir)
		dir = "/";
	if (chdir(dir) == 0)
		return 0;
	err("cd: %s: %s", dir, strerror(errno));
	return 1;
}

/* pwd: print the working directory. */
static int sh_pwd(int argc, char **argv)
{
	char buf[4096];

	(void)argc, (void)argv;
	if (getcwd(buf, sizeof(buf)))
		return dprintf(1, "%s\n", buf) < 0;
	err("pwd: %s", strerror(errno));
	return 1;
}

/* exit [N]: end the shell with status N, else $?. */
static int sh_exit(int argc, char **argv)
{
	long n = last_status;
	char *end;

	if (argc > 1) {
		n = strtol(argv[1], &end, 10);
		if (!*argv[1] || *end) {
			err("exit: %s: numeric argument required", argv[1]);
			n = 2;
		}
	}
	exit(n & 255);
}

/* The builtin called @name, or NULL. */
static builtin_fn *find_builtin(const char *name)
{
	if (strcmp(name, "cd") == 0)
		return sh_cd;
	if (strcmp(name, "pwd") == 0)
		return sh_pwd;
	return strcmp(name, "exit") == 0 ? sh_exit : NULL;
}

/* Make @from become @to (closing @from), open across execve. */
static void move_fd(int from, int to)
{
	if (from == to)
		fcntl(to, F_SETFD, 0);
	else if (dup2(from, to) == to)
		close(from);
}

/*
 * Carry out @c's redirections, in order; 0, or -1 after saying why not.
 * With @save, first keep a copy of each fd changed there, for restore_fds().
 */
static int apply_redirs(struct cmd *c, int *save)
{
	static const int flags[] = {
		[R_IN] = O_RDONLY, [R_OUT] = O_WRONLY | O_CREAT | O_TRUNC,
		[R_APPEND] = O_WRONLY | O_CREAT | O_APPEND,
	};

	for (int i = 0; i < c->nredir; i++) {
		struct redir *r = &c->redir[i];
		int fd = r->dupfd;

		if (r->mode != R_DUP) {
			fd = open(r->file, flags[r->mode] | O_CLOEXEC, 0666);
			if (fd < 0)
				return err("%s: %s", r->file, strerror(errno));
		}
		if (save && save[r->fd] == NO_SAVE)
			save[r->fd] = fcntl(r->fd, F_DUPFD_CLOEXEC, 10);
		if (r->mode != R_DUP)
			move_fd(fd, r->fd);
		else if (dup2(fd, r->fd) < 0)
			return err("%d: %s", fd, strerror(errno));
	}
	return 0;
}

/* Put back the fds apply_redirs() saved in @save. */
static void restore_fds(int *save)
{
	for (int fd = 0; fd < 10; fd++) {
		if (save[fd] >= 0)
			move_fd(save[fd], fd);
		else if (save[fd] != NO_SAVE)
			close(fd);		/* it was closed before */
	}
}

/* Run a builtin (or a command of redirections only) in the shell itself. */
static int run_here(struct cmd *c)
{
	int save[10], status = 1;

	for (int fd = 0; fd < 10; fd++)
		save[fd] = NO_SAVE;
	if (apply_redirs(c, save) == 0)
		status = c->argc ? find_builtin(c->argv[0])(c->argc, c->argv) : 0;
	restore_fds(save);
	return status;
}

/* Exec @argv[0], searching $PATH if it has no '/'; exits 126/127 if not. */
static _Noreturn void exec_cmd(char **argv)
{
	const char *name = argv[0], *dir = getenv("PATH"), *end;
	char path[LINE_SIZE];
	int error = ENOENT;

	if (strchr(name, '/')) {
		execve(name, argv, environ);
		error = errno;
	} else {
		for (dir = dir ? dir : "/bin";; dir = end + 1) {
			end = strchr(dir, ':');
			if (!end)
				end = dir + strlen(dir);
			snprintf(path, sizeof(path), "%.*s%s%s", (int)(end - dir),
				 dir, end > dir ? "/" : "", name);
			execve(path, argv, environ);
			if (errno != ENOENT && errno != ENOTDIR)
				error = errno;		/* found, but no good */
			if (!*end)
				break;
		}
		if (error == ENOENT) {
			err("%s: not found", name);
			_exit(127);
		}
	}
	err("%s: %s", name, strerror(error));
	_exit(error == ENOENT ? 127 : 126);
}

/* Set the keyboard's signals (job_signals[]) to @handler. */
static void set_job_signals(void (*handler)(int))
{
	struct sigaction sa = { .sa_handler = handler };

	for (size_t i = 0; i < ARRAY_SIZE(job_signals); i++)
		sigaction(job_signals[i], &sa, NULL);
}

/* In a new child: join job @pgid (0: start it), take fds @in/@out, run @c. */
static _Noreturn void run_child(struct cmd *c, int in, int out, pid_t pgid)
{
	builtin_fn *builtin;

	if (job_control) {
		setpgid(0, pgid);
		if (!pgid)
			tcsetpgrp(0, getpid());	/* SIGTTOU is still ignored */
	}
	if (interactive)
		set_job_signals(SIG_DFL);
	if (in >= 0)
		move_fd(in, 0);
	if (out >= 0)
		move_fd(out, 1);
	if (apply_redirs(c, NULL) < 0)
		_exit(1);
	if (c->argc == 0)
		_exit(0);
	builtin = find_builtin(c->argv[0]);
	if (builtin)
		_exit(builtin(c->argc, c->argv));
	exec_cmd(c->argv);
}

/* Say that signal @sig killed a job, as bash does (SIGINT, SIGPIPE: not). */
static void report_signal(int sig, int core)
{
	const char *dump = core ? " (core dumped)" : "";

	if (sig == SIGINT || sig == SIGPIPE)
		return;
	if (sig == SIGFPE)
		dprintf(2, "Floating point exception%s\n", dump);
	else if (sig < 32)
		dprintf(2, "%s%s\n", strsignal(sig), dump);	/* "Killed" */
	else
		dprintf(2, "signal %d%s\n", sig, dump);
}

/* Wait for the @n children @pids of job @pgid; the last one's $?. */
static int wait_job(const pid_t *pids, int n, pid_t pgid)
{
	int st = 0, interrupted = 0;

	for (int i = 0; i < n; i++) {
		if (waitpid(pids[i], &st, WUNTRACED) < 0) {
			if (errno == EINTR)
				i--;
			st = 127 << 8;
		} else if (WIFSTOPPED(st)) {
			write(2, "\n", 1);
			err("stopped, but this shell has no fg/bg: continuing");
			kill(pgid ? -pgid : pids[i], SIGCONT);
			i--;
		} else if (WIFSIGNALED(st)) {
			report_signal(WTERMSIG(st), WCOREDUMP(st));
			interrupted |= WTERMSIG(st) == SIGINT;
		}
	}
	if (interrupted && interactive)
		write(2, "\n", 1);		/* after the ^C the terminal echoed */
	return WIFSIGNALED(st) ? 128 + WTERMSIG(st) : WEXITSTATUS(st);
}

/* Run the @ncmd commands @cmd piped together; the last one's status. */
static int run_pipeline(struct cmd *cmd, int ncmd)
{
	pid_t pids[MAX_CMDS], pgid = 0;
	int in = -1, p[2], n, status;

	for (exp_used = n = 0; n < ncmd; n++)
		if (expand_cmd(&cmd[n]) < 0)
			return 1;
	if (ncmd == 1 && (!cmd[0].argc || find_builtin(cmd[0].argv[0])))
		return run_here(&cmd[0]);

	for (n = 0; n < ncmd; n++) {
		p[0] = p[1] = -1;
		if (n < ncmd - 1 && pipe2(p, O_CLOEXEC) < 0) {
			err("pipe: %s", strerror(errno));
			break;
		}
		pids[n] = fork();
		if (pids[n] == 0)
			run_child(&cmd[n], in, p[1], pgid);
		if (pids[n] < 0) {
			err("fork: %s", strerror(errno));
			close(p[0]);		/* EBADF if there is no pipe */
			close(p[1]);
			break;
		}
		if (job_control) {
			pgid = pgid ? pgid : pids[n];
			setpgid(pids[n], pgid);	/* the child does too: no race */
		}
		if (in >= 0)
			close(in);
		if (p[1] >= 0)
			close(p[1]);
		in = p[0];
	}
	if (in >= 0)
		close(in);
	if (job_control && pgid)
		tcsetpgrp(0, pgid);
	status = wait_job(pids, n, pgid);
	if (job_control)
		tcsetpgrp(0, shell_pgid);
	return n < ncmd ? 1 : status;
}

/* Check the line @line, then run it; sets $?. */
static void run_line(const char *line)
{
	int i, n;

	if (strlen(line) >= LINE_SIZE)
		n = err("line too long");
	else
		n = parse_line(line);
	if (n < 0) {
		last_status = 2;		/* and nothing of it runs */
		return;
	}
	for (i = 0; i < ncmds; i += n) {
		for (n = 1; cmds[i + n - 1].piped; n++)
			;
		last_status = run_pipeline(&cmds[i], n);
	}
}

/*
 * Read one line from @fd into @line, without its '\n'; 0, or -1 at end of
 * file.  @bytewise: read no byte past the '\n'.
 */
static int read_line(int fd, char *line, int bytewise)
{
	static char buf[LINE_SIZE];
	static int len, pos;
	int n = 0;

	for (;;) {
		if (pos == len) {
			ssize_t got = read(fd, buf, bytewise ? 1 : sizeof(buf));

			if (got < 0 && errno == EINTR)
				continue;
			if (got <= 0 && n == 0)
				return -1;
			if (got <= 0)
				break;		/* a last line without '\n' */
			len = got;
			pos = 0;
		}
		if (buf[pos++] == '\n')
			break;
		if (n < LINE_SIZE)
			line[n++] = buf[pos - 1];	/* too long: run_line says */
	}
	line[n] = '\0';
	return 0;
}

/* Run each line read from @fd until end of file; the last status. */
static int run_file(int fd, int bytewise)
{
	static char line[LINE_SIZE + 1];

	for (;;) {
		if (interactive)
			write(2, "$ ", 2);
		if (read_line(fd, line, bytewise) < 0)
			break;
		run_line(line);
	}
	if (interactive)
		write(2, "exit\n", 5);
	return last_status;
}

/* Interactive: ignore the keyboard's signals; take the terminal if we can. */
static void start_job_control(void)
{
	set_job_signals(SIG_IGN);
	if (tcgetpgrp(0) < 0)
		return;				/* no job control: no matter */
	if (getpgrp() != getpid())
		setpgid(0, 0);
	shell_pgid = getpgrp();
	job_control = shell_pgid > 0 && tcsetpgrp(0, shell_pgid) == 0;
}

int main(int argc, char **argv)
{
	char *s, *nl;
	int fd;

	if (argc > 1 && strcmp(argv[1], "-c") == 0) {
		if (argc == 2) {
			err("-c: option requires an argument");
			return 2;
		}
		for (s = argv[2]; s; s = nl) {
			nl = strchr(s, '\n');
			if (nl)
				*nl++ = '\0';
			run_line(s);
		}
		return last_status;
	}
	if (argc > 1) {
		fd = open(argv[1], O_RDONLY | O_CLOEXEC);
		if (fd < 0) {
			err("%s: %s", argv[1], strerror(errno));
			return 127;
		}
		return run_file(fd, 0);
	}
	interactive = isatty(0);
	if (interactive)
		start_job_control();
	return run_file(0, !interactive);
}
