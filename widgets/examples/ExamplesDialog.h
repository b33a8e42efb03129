#pragma once
// File > Examples: a gallery of the built-in designs, each with its name, a
// thumbnail rendered from the design by the canvas itself (no image files to
// keep in step) and its description.
#include "ExampleLibrary.h"

#include <QDialog>

class QLabel;
class QListWidget;

namespace scalelab::widgets {

class ExamplesDialog : public QDialog {
    Q_OBJECT
public:
    explicit ExamplesDialog(QWidget* parent = nullptr);

    // The chosen example's resource path; empty when none.
    QString selectedPath() const;
    int count() const;

private:
    void showDetails();

    std::vector<ExampleLibrary::Example> m_examples;
    QListWidget* m_list;
    QLabel* m_details;
};

} // namespace scalelab::widgets
