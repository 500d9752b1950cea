package javascript

import "testing"

func TestLowerImports(t *testing.T) {
	runLowerCases(t, []lowerCase{
		{name: "require forms", src: `
const db = require('./db');
const { exec, spawn: run } = require('node:child_process');
const query = require('pg').query;
function lazy() { const x = require('x'); return x; }
const { a: { b } } = require('nested');
const other = require(name);
load(require('y'));
`, want: `
import db = "./db"
import exec = "child_process".exec
import query = "pg".query
import require:nested = "nested"
import require:y = "y"
import run = "child_process".spawn
import x = "x"
func <module>#0()
  {a: {b}} = require:nested
  other = call require(name)
  eval call load(require:y)
func lazy#1() in <module>#0
  return x
`},
		{name: "es imports", src: `
import def, { a, b as c, 'd-e' as d } from 'm';
import * as ns from 'node:fs';
import './side-effect';
`, want: `
import a = "m".a
import c = "m".b
import d = "m".d-e
import def = "m".default
import ns = "fs"
func <module>#0()
`},
		{name: "typescript imports", file: "f.ts", src: `
import type { T } from './types';
import { type U, v } from './v';
import w = require('w');
`, want: `
import v = "./v".v
import w = "w"
func <module>#0()
`},
	})
}

func TestLowerExports(t *testing.T) {
	runLowerCases(t, []lowerCase{
		{name: "module.exports function", src: `module.exports = function (req) { return req; };`,
			want: `
export default = func default#1
func <module>#0()
  module.exports = closure default#1
func default#1(req) in <module>#0
  return req
`},
		{name: "module.exports name and class", src: `
function handler() {}
module.exports = handler;
module.exports.Klass = class {};
exports.Named = class Named {};
`, want: `
export Klass = local Klass
export Named = local Named
export default = local handler, func handler#1
class Klass
class Named
func <module>#0()
  module.exports = handler
  module.exports.Klass = ?
  exports.Named = ?
func handler#1() in <module>#0
`},
		{name: "module.exports object", src: `
module.exports = { a, b: c, d() {}, e: () => 1, ...more, f: 1 };
function c() {}
`, want: `
export a = local a
export b = local c, func c#3
export d = func d#1
export default = value
export e = func e#2
export f = value
func <module>#0()
  module.exports = {a: a, b: c, d: closure d#1, e: closure e#2, ...more, f: 1}
func d#1() in <module>#0
func e#2() in <module>#0
  return 1
func c#3() in <module>#0
`},
		{name: "exports properties", src: `
module.exports.a = x;
exports.b = function () {};
exports.c = require('./impl');
module.exports = require('./all');
`, want: `
import require:./all = "./all"
import require:./impl = "./impl"
export a = local x
export b = func b#1
export c = from "./impl"
export default = from "./all"
func <module>#0()
  module.exports.a = x
  exports.b = closure b#1
  exports.c = require:./impl
  module.exports = require:./all
func b#1() in <module>#0
`},
		{name: "es declarations", src: `
export function f() {}
export class C {}
export const x = 1, y = () => 2, { z } = o;
export let u;
`, want: `
export C = local C
export f = local f, func f#1
export u = local u
export x = local x
export y = local y, func y#2
export z = local z
class C
func <module>#0()
  x = 1
  y = closure y#2
  {z} = o
func f#1() in <module>#0
func y#2() in <module>#0
  return 2
`},
		{name: "es default forms", src: `
export default function () {}
`, want: `
export default = func default#1
func <module>#0()
func default#1() in <module>#0
`},
		{name: "es default named function", src: `export default async function main() {}`,
			want: `
export default = local main, func main#1
func <module>#0()
func main#1() in <module>#0
`},
		{name: "es default class", src: `export default class extends Base { m() {} }`, want: `
export default = local default
class default extends Base: m#1
func <module>#0()
func default.m#1() in <module>#0
`},
		{name: "es default name", src: `const app = make(); export default app;`, want: `
export default = local app
func <module>#0()
  app = call make()
`},
		{name: "es default expression", src: `export default { find(id) { return id; } };`,
			want: `
export default = local default
func <module>#0()
  default = {find: closure find#1}
func find#1(id) in <module>#0
  return id
`},
		{name: "es clauses and re-exports", src: `
function a() {}
export { a as b, a };
export { c, d as e } from './x';
export * from './y';
export * as ns from './z';
`, want: `
export a = local a, func a#1
export b = local a, func a#1
export c = from "./x".c
export e = from "./x".d
export ns = from "./z"
reexport "./y"
func <module>#0()
func a#1() in <module>#0
`},
		{name: "typescript exports", file: "f.ts", src: `
export interface I {}
export type T = string;
export type { U } from './u';
export abstract class A {}
export = handler;
`, want: `
export A = local A
export default = local handler
class A
func <module>#0()
`},
	})
}
