#ifndef ANTOAN_CMEMORY_H
#define ANTOAN_CMEMORY_H

// Two controls of glibc's heap that Swift's Glibc module does not expose. Elsewhere they do nothing.

// Lets at most `count` arenas serve the threads: glibc gives each thread that allocates while another does an
// arena of its own (up to eight per core), and memory freed in one arena is not handed to another.
void antoan_limit_arenas(int count);

// Gives the heap's free pages back to the system, after a piece of work that needed much memory for a while.
void antoan_trim_memory(void);

#endif
