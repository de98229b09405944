/* sord_load: the baseline for loading a graph, a bare Sord load of one RDF file with the
 * SPO, OPS and POS indices, as the benchmark compares diplograph's own load against.
 * Usage: sord_load FILE [turtle|ntriples|nquads|trig]. Prints the number of quads. */
#include <serd/serd.h>
#include <sord/sord.h>
#include <stdio.h>
#include <string.h>

int main(int argc, char** argv) {
  if (argc < 2) {
    fprintf(stderr, "usage: sord_load FILE [SYNTAX]\n");
    return 1;
  }
  SerdSyntax syntax = SERD_TURTLE;
  const char* s = argc > 2 ? argv[2] : "";
  if (!strcmp(s, "ntriples") || strstr(argv[1], ".nt")) syntax = SERD_NTRIPLES;
  if (!strcmp(s, "nquads") || strstr(argv[1], ".nq")) syntax = SERD_NQUADS;
  FILE* in = fopen(argv[1], "rb");
  if (!in) {
    perror(argv[1]);
    return 1;
  }
  SordWorld* world = sord_world_new();
  SordModel* model = sord_new(world, SORD_SPO | SORD_OPS | SORD_POS, false);
  SerdEnv* env = serd_env_new(NULL);
  SerdReader* reader = sord_new_reader(model, env, syntax, NULL);
  const SerdStatus st = serd_reader_read_file_handle(reader, in, (const uint8_t*)argv[1]);
  printf("%zu\n", sord_num_quads(model));
  serd_reader_free(reader);
  serd_env_free(env);
  sord_free(model);
  sord_world_free(world);
  fclose(in);
  return st ? 1 : 0;
}
