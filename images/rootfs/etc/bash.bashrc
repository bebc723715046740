# Interactive shells, including "ip netns exec NAME bash": the prompt names
# the host and, inside a namespace, the namespace, so learners always know
# which network stack their commands change.
[ -z "$PS1" ] && return
__netlab_prompt() {
  local ns
  ns=$(ip netns identify $$ 2>/dev/null)
  if [ -n "$ns" ]; then
    __netlab_ns="\[\e[1;35m\][netns ${ns%% *}]\[\e[0m\] "
  else
    __netlab_ns=""
  fi
  PS1="${__netlab_ns}\[\e[1;32m\]\u@\h\[\e[0m\]:\[\e[1;34m\]\w\[\e[0m\]# "
}
PROMPT_COMMAND=__netlab_prompt
alias ls='ls --color=auto' ll='ls -l --color=auto' grep='grep --color=auto'
shopt -s checkwinsize histappend
HISTSIZE=2000
