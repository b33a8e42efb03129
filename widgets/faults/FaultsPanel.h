#pragma once
// The Faults dock: break the running design on purpose and watch it react.
//
// Everything the form offers comes from model::faultSpecs(): the actions,
// their help text, the kinds of block each applies to and the range of its
// value. The target list is rebuilt from the document whenever blocks or
// links come and go or are renamed, and prefers the block selected on the
// canvas. Inject and Recover go to the RunController; they are disabled,
// with the reason shown, while no run exists or nothing fits the action.
// Below the form, the faults the file schedules are listed read-only.
#include "FaultTarget.h"

#include <QStringList>
#include <QWidget>

#include <vector>

class QComboBox;
class QDoubleSpinBox;
class QFormLayout;
class QLabel;
class QPushButton;

namespace scalelab::widgets {

class DesignDocument;
class RunController;

class FaultsPanel : public QWidget {
    Q_OBJECT
public:
    FaultsPanel(DesignDocument* document, RunController* run, QWidget* parent = nullptr);

    // The fault the form describes now (no block when no target fits the action).
    model::Fault currentFault() const;
    // Why Inject is disabled; empty when it is enabled.
    QString injectRefusal() const;
    // Selects an action by catalogue name; false if there is none.
    bool setAction(const QString& action);
    // Sets `box` to the range, step, decimals and default of `spec`'s value.
    static void fitValueBox(QDoubleSpinBox* box, const model::FaultSpec& spec);
    // The targets the form offers for the current action.
    const std::vector<FaultTarget>& targets() const { return m_targets; }

public slots:
    // The block selected on the canvas (empty: none or several); preselected when it fits.
    void setSelectedBlock(const QString& id);
    void inject();
    void recover();

signals:
    // A scheduled fault was clicked: show these blocks.
    void blocksActivated(const QStringList& ids);

private:
    const model::FaultSpec& spec() const;
    const FaultTarget* currentTarget() const;
    void onActionChanged();
    void refreshTargets();
    void preferTarget(const FaultTarget* keep);
    void updateButtons();
    void showResult(const QString& text, bool refused);

    DesignDocument* m_document;
    RunController* m_run;
    QFormLayout* m_form;
    QComboBox* m_action;
    QLabel* m_help;
    QLabel* m_targetLabel;
    QComboBox* m_target;
    QWidget* m_valueRow;
    QDoubleSpinBox* m_value;
    QLabel* m_valueUnit;
    QDoubleSpinBox* m_duration;
    QPushButton* m_inject;
    QPushButton* m_recover;
    QLabel* m_status;
    std::vector<FaultTarget> m_targets;
    std::string m_selected; // canvas selection
    QString m_result;       // outcome of the last inject or recover
    bool m_resultRefused = false;
};

} // namespace scalelab::widgets
