const path = require('path');
const { task, src, dest, parallel } = require('gulp');

// tsc emits only JavaScript: the icons and the node's codex file are copied beside it.
function copyIcons() {
	return src(path.resolve('icons', '*.svg')).pipe(dest(path.resolve('dist', 'icons')));
}

function copyCodex() {
	return src(path.resolve('nodes', '**', '*.node.json')).pipe(dest(path.resolve('dist', 'nodes')));
}

task('build:icons', parallel(copyIcons, copyCodex));
