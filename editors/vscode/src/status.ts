// The status-bar item with the workspace's journeyc errors and warnings;
// clicking it opens the Problems view.

import * as vscode from 'vscode';
import type { Translate } from './server';

/** Counts the errors and warnings journeyc reported, over every file. */
export function countProblems(all: ReadonlyArray<[unknown, readonly vscode.Diagnostic[]]>): { errors: number; warnings: number } {
  let errors = 0;
  let warnings = 0;
  for (const [, diagnostics] of all) {
    for (const d of diagnostics) {
      if (d.source !== 'journeyc') continue;
      if (d.severity === vscode.DiagnosticSeverity.Error) errors++;
      else if (d.severity === vscode.DiagnosticSeverity.Warning) warnings++;
    }
  }
  return { errors, warnings };
}

export class ProblemsStatus implements vscode.Disposable {
  private readonly item: vscode.StatusBarItem;
  private readonly listener: vscode.Disposable;

  constructor(private readonly t: Translate) {
    this.item = vscode.window.createStatusBarItem('journey.problems', vscode.StatusBarAlignment.Left, 10);
    this.item.name = t('Journey problems');
    this.item.command = 'workbench.actions.view.problems';
    this.listener = vscode.languages.onDidChangeDiagnostics(() => this.update());
    this.update();
  }

  private update(): void {
    const { errors, warnings } = countProblems(vscode.languages.getDiagnostics());
    this.item.text = `$(map) $(error) ${errors} $(warning) ${warnings}`;
    this.item.tooltip = this.t('Journey: {0} error(s) and {1} warning(s) in the workspace. Click to open the Problems view.', errors, warnings);
    this.item.accessibilityInformation = { label: this.item.tooltip };
    this.item.backgroundColor = errors > 0 ? new vscode.ThemeColor('statusBarItem.errorBackground') : undefined;
    this.item.show();
  }

  dispose(): void {
    this.listener.dispose();
    this.item.dispose();
  }
}
