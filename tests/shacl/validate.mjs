// Validates RDF files (Turtle or N-Triples, merged into one data graph) against SHACL shapes with
// rdf-validate-shacl, and prints each result as `FOCUS NODE \t PATH \t COMPONENT \t SOURCE SHAPE`
// (a blank source shape as "_"). Exit 0 whether it conforms or not; 2 when a file cannot be read.
// Usage: node validate.mjs SHAPES.ttl DATA...
import fs from 'node:fs'
import N3 from 'n3'
import SHACLValidator from 'rdf-validate-shacl'
import factory from 'rdf-validate-shacl/src/defaultEnv.js'

function load (files) {
  const dataset = factory.dataset()
  for (const file of files) {
    const format = file.endsWith('.nt') ? 'N-Triples' : 'Turtle'
    for (const quad of new N3.Parser({ format }).parse(fs.readFileSync(file, 'utf8'))) dataset.add(quad)
  }
  return dataset
}

const [shapesFile, ...dataFiles] = process.argv.slice(2)
try {
  const validator = new SHACLValidator(load([shapesFile]), { factory })
  const report = await validator.validate(load(dataFiles))
  for (const r of report.results) {
    const shape = r.sourceShape && r.sourceShape.termType === 'NamedNode' ? r.sourceShape.value : '_'
    const path = r.path ? r.path.value : ''
    process.stdout.write([r.focusNode.value, path, r.sourceConstraintComponent.value, shape].join('\t') + '\n')
  }
} catch (e) {
  process.stderr.write(String(e && e.stack ? e.stack : e) + '\n')
  process.exit(2)
}
